using Google.Protobuf;
using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.Envelopes;
using static XmtpSim.Protocol.Tests.Envelopes.EnvelopeFixture;

namespace XmtpSim.Protocol.Tests.Envelopes;

/// <summary>A replica's decode of a received envelope object is shared, and equals decoding its bytes again.</summary>
public sealed class ReplicaDecodeTests
{
    private static ParsedOriginatorEnvelope Received(ulong sequence = 1) =>
        EnvelopeParser.ParseOriginator(Originate(SignPayer(ApplicationMessage(200, sequence, new Dictionary<uint, ulong> { [0] = 3 })), sequence).ToByteString(), Scheme).Value!;

    [Fact]
    public void Decoding_a_received_object_twice_returns_the_first_decode()
    {
        var received = Received();
        var first = EnvelopeParser.ParseReplicated(received, Scheme);
        var second = EnvelopeParser.ParseReplicated(received, Scheme);
        Assert.True(first.IsValid, first.ToString());
        Assert.Same(first.Value, second.Value);
    }

    [Fact]
    public void The_shared_decode_matches_a_fresh_decode_of_the_same_bytes()
    {
        var received = Received(5);
        var shared = EnvelopeParser.ParseReplicated(received, Scheme).Value!;
        var fresh = EnvelopeParser.ParseReplicated(received.Raw, Scheme).Value!;
        Assert.Equal(fresh.Raw, shared.Raw);
        Assert.Equal(fresh.SequenceId, shared.SequenceId);
        Assert.Equal(fresh.PayerAddress, shared.PayerAddress);
        Assert.Null(shared.OriginatorSigner); // a replica trusts the connection, as ParseReplicated(bytes) does
        Assert.Equal(fresh.DependsOnClock, shared.DependsOnClock);
    }

    [Fact]
    public void Another_scheme_decodes_for_real()
    {
        var received = Received();
        var real = EnvelopeParser.ParseReplicated(received, Scheme);
        var modeled = EnvelopeParser.ParseReplicated(received, new ModeledSignatureScheme());
        Assert.True(real.IsValid);
        Assert.False(modeled.IsValid); // a real signature is not a modeled one: refused, not taken from the earlier decode
    }

    [Fact]
    public void Tampered_bytes_are_another_object_and_are_refused()
    {
        var received = Received();
        Assert.True(EnvelopeParser.ParseReplicated(received, Scheme).IsValid);
        var bytes = received.Raw.ToByteArray();
        bytes[bytes.Length / 2] ^= 0x01; // inside the client payload the payer signed
        var tampered = EnvelopeParser.ParseReplicated(ByteString.CopyFrom(bytes), Scheme);
        Assert.True(!tampered.IsValid || tampered.Value!.PayerAddress != received.PayerAddress);
    }
}
