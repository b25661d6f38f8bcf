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
    public void An_envelope_its_node_just_signed_carries_the_verdict_a_replica_reaches_without_recovering_again()
    {
        var counting = new CountingScheme(Scheme);
        var payerMessage = SignPayer(ApplicationMessage(300, 6));
        var payer = EnvelopeParser.ParsePayer(payerMessage, counting).Unwrap();
        var own = EnvelopeParser.FromOwnSigned(Originate(payerMessage, 6), payer, Node.Address);
        var recoveries = counting.Recoveries;

        Assert.Null(EnvelopeParser.CheckReplicated(own, counting));
        Assert.Equal(recoveries, counting.Recoveries);
        Assert.Null(EnvelopeParser.ParseReplicated(own.Raw, counting).Error); // what decoding the bytes again concludes
        Assert.Equal(recoveries + 1, counting.Recoveries);
    }

    [Fact]
    public void An_envelope_signed_over_a_payer_checked_under_another_scheme_is_decoded_for_real()
    {
        var modeled = new CountingScheme(new ModeledSignatureScheme());
        var payerMessage = SignPayer(ApplicationMessage(300, 7)); // a real payer signature
        var payer = EnvelopeParser.ParsePayer(payerMessage, Scheme).Unwrap();
        var own = EnvelopeParser.FromOwnSigned(Originate(payerMessage, 7), payer, Node.Address);

        Assert.Equal(EnvelopeErrorCode.PayerSignatureInvalid, EnvelopeParser.CheckReplicated(own, modeled)?.Code);
        Assert.Equal(1, modeled.Recoveries);
        Assert.Null(EnvelopeParser.CheckReplicated(own, Scheme));
    }

    [Fact]
    public void Each_envelope_object_gets_its_own_verdict()
    {
        var modeled = new ModeledSignatureScheme();
        modeled.Register(Payer);
        modeled.Register(Node);
        var payer = EnvelopeSigner.SignPayer(modeled, Payer, ApplicationMessage(120, 4), NodeId, 30);
        var stamp = OriginatorStamp.ForRetention(NodeId, 1, SigningUnixSeconds * 1_000_000_000L, 12_000_100, 0, SigningUnixSeconds, 30);
        var modeledSigned = EnvelopeParser.ParseOriginator(EnvelopeSigner.SignOriginator(modeled, Node, stamp, payer).ToByteString(), modeled).Value!;
        var realSigned = Received(); // its payer signature is a real one, which the modeled scheme refuses

        Assert.Null(EnvelopeParser.CheckReplicated(modeledSigned, modeled));
        Assert.Equal(EnvelopeErrorCode.PayerSignatureInvalid, EnvelopeParser.CheckReplicated(realSigned, modeled)?.Code);
        Assert.Null(EnvelopeParser.CheckReplicated(modeledSigned, modeled)); // a refusal of one object is not another's
    }
}
