using Google.Protobuf;
using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.Envelopes;
using static XmtpSim.Protocol.Tests.Envelopes.EnvelopeFixture;

namespace XmtpSim.Protocol.Tests.Envelopes;

/// <summary>A replica's verdict on a received envelope object agrees with decoding its bytes again, and is worked out once.</summary>
public sealed class ReplicaDecodeTests
{
    private static ParsedOriginatorEnvelope Received(ulong sequence = 1) =>
        EnvelopeParser.ParseOriginator(Originate(SignPayer(ApplicationMessage(200, sequence, new Dictionary<uint, ulong> { [0] = 3 })), sequence).ToByteString(), Scheme).Value!;

    [Fact]
    public void A_valid_envelope_passes_and_its_fields_are_what_a_fresh_decode_reads()
    {
        var received = Received(5);
        Assert.Null(EnvelopeParser.CheckReplicated(received, Scheme));
        Assert.Null(EnvelopeParser.CheckReplicated(received, Scheme));
        var fresh = EnvelopeParser.ParseReplicated(received.Raw, Scheme).Value!;
        Assert.Equal(fresh.SequenceId, received.SequenceId);
        Assert.Equal(fresh.OriginatorNs, received.OriginatorNs);
        Assert.Equal(fresh.PayerAddress, received.PayerAddress);
        Assert.Equal(fresh.Topic, received.Topic);
        Assert.Equal(fresh.TotalFeePicodollars, received.TotalFeePicodollars);
        Assert.Equal(fresh.DependsOnClock, received.DependsOnClock);
    }

    [Fact]
    public void Another_scheme_decodes_for_real()
    {
        var received = Received();
        Assert.Null(EnvelopeParser.CheckReplicated(received, Scheme));
        var modeled = EnvelopeParser.CheckReplicated(received, new ModeledSignatureScheme());
        Assert.NotNull(modeled); // a real signature is not a modeled one: refused, not taken from the earlier verdict
        Assert.Equal(EnvelopeErrorCode.PayerSignatureInvalid, modeled.Code);
        Assert.Null(EnvelopeParser.CheckReplicated(received, Scheme));
    }

    [Fact]
    public void Tampered_bytes_are_another_object_and_are_decoded_again()
    {
        var received = Received();
        Assert.Null(EnvelopeParser.CheckReplicated(received, Scheme));
        var bytes = received.Raw.ToByteArray();
        bytes[bytes.Length / 2] ^= 0x01; // inside the client payload the payer signed
        var tampered = EnvelopeParser.ParseReplicated(ByteString.CopyFrom(bytes), Scheme);
        Assert.True(!tampered.IsValid || tampered.Value.PayerAddress != received.PayerAddress);
    }
}
