using Google.Protobuf;
using XmtpSim.Protocol.Envelopes;
using XmtpSim.Protocol.Mls;
using XmtpSim.Protocol.Storage;
using static XmtpSim.Protocol.Tests.Envelopes.EnvelopeFixture;

namespace XmtpSim.Protocol.Tests.Envelopes;

/// <summary>An envelope whose bytes moved to a scratch file reads back the same at every layer.</summary>
public sealed class MovedBytesTests
{
    private static ParsedOriginatorEnvelope Signed(ulong sequence) =>
        EnvelopeParser.ParseOriginator(Originate(SignPayer(ApplicationMessage(300, sequence, new Dictionary<uint, ulong> { [0] = 3, [100] = 2 })), sequence).ToByteString(), Scheme).Value!;

    [Fact]
    public void A_signed_envelope_reads_back_every_layer()
    {
        using var file = new ScratchFile("moved-bytes-test");
        var moved = Signed(7);
        var kept = Signed(7);
        Assert.False(moved.BytesMoved);
        Signed(8).MoveBytesTo(file); // something before it in the file

        moved.MoveBytesTo(file);
        moved.MoveBytesTo(file); // once only

        Assert.True(moved.BytesMoved);
        Assert.Equal(kept.RawLength * 2, file.Length);
        Assert.Equal(kept.Raw, moved.Raw);
        Assert.Equal(kept.UnsignedOriginatorEnvelope, moved.UnsignedOriginatorEnvelope);
        Assert.Equal(kept.OriginatorSignature, moved.OriginatorSignature);
        Assert.Null(moved.TransactionHash);
        Assert.Equal(kept.Payer.Raw, moved.Payer.Raw);
        Assert.Equal(kept.Payer.Signature, moved.Payer.Signature);
        Assert.Equal(kept.Payer.TargetOriginator, moved.Payer.TargetOriginator);
        Assert.Equal(kept.Payer.RetentionDays, moved.Payer.RetentionDays);
        Assert.Equal(kept.Payer.PayerAddress, moved.Payer.PayerAddress);
        Assert.Equal(kept.Client.Raw, moved.Client.Raw);
        Assert.Equal(kept.Client.Envelope, moved.Client.Envelope);
        Assert.Equal(kept.Client.DependsOn, moved.Client.DependsOn);
        Assert.Equal(kept.Topic, moved.Topic);
        Assert.Equal(kept.DependsOnClock, moved.DependsOnClock);
        Assert.Equal(kept.OriginatorSigner, moved.OriginatorSigner);
        Assert.Null(EnvelopeParser.CheckReplicated(moved, Scheme)); // a replica decodes the bytes from the file
    }

    [Fact]
    public void A_chain_originated_envelope_reads_back_its_proof()
    {
        using var file = new ScratchFile("moved-bytes-test");
        var groupId = GroupId;
        var commit = ClientEnvelopes.GroupMessage(groupId, ByteString.CopyFrom(MlsFrame.Build(groupId, 4, MlsContentType.Commit, 200, 9)));
        var txHash = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var wire = EnvelopeSigner.BuildChainOriginated(ReservedOriginators.GroupMessages, 17, 123_456_789, commit.ToByteString(), txHash);
        var parsed = EnvelopeParser.ParseOriginator(OriginatorEnvelopeOf(wire), Scheme).Value!;

        parsed.MoveBytesTo(file);

        Assert.True(parsed.IsBlockchainOriginated);
        Assert.Equal(txHash, parsed.TransactionHash!.ToByteArray());
        Assert.Null(parsed.OriginatorSignature);
        Assert.Null(parsed.PayerAddress);
        Assert.Equal(commit.ToByteString(), parsed.Client.Raw);
        Assert.Equal(wire, parsed.Raw);
    }

    [Fact]
    public void A_derived_value_is_worked_out_once_and_outlives_the_bytes()
    {
        using var file = new ScratchFile("moved-bytes-test");
        var envelope = Signed(3);
        var calls = 0;
        string Derive(ParsedOriginatorEnvelope e)
        {
            calls++;
            return Convert.ToHexString(e.Client.Raw.Span[..8]);
        }

        var first = envelope.Derived(Derive);
        envelope.MoveBytesTo(file);
        var second = envelope.Derived(Derive);

        Assert.Same(first, second);
        Assert.Equal(1, calls);
        // A second kind of value does not take the slot: it is computed on every call, and the first one stays.
        Assert.NotSame(envelope.Derived(_ => new List<int> { 1 }), envelope.Derived(_ => new List<int> { 1 }));
        Assert.Same(first, envelope.Derived(Derive));
    }

    private static Wire.Envelopes.OriginatorEnvelope OriginatorEnvelopeOf(ByteString bytes) => Wire.Envelopes.OriginatorEnvelope.Parser.ParseFrom(bytes);
}
