using Google.Protobuf;
using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.Envelopes;
using XmtpSim.Protocol.Storage;
using XmtpSim.Protocol.Tests.Crypto;
using XmtpSim.Protocol.Wire.Envelopes;
using XmtpSim.Protocol.Wire.Identity;
using static XmtpSim.Protocol.Tests.Envelopes.EnvelopeFixture;

namespace XmtpSim.Protocol.Tests.Envelopes;

/// <summary>Envelopes signed on a <see cref="SigningLane"/> are byte for byte the ones signed inline.</summary>
public sealed class SigningOnALaneTests
{
    private static OriginatorStamp Stamp(ulong sequence) =>
        OriginatorStamp.ForRetention(NodeId, sequence, SigningUnixSeconds * 1_000_000_000L, 12_000_100, 3_000, SigningUnixSeconds, 30);

    // What the generated code serializes for the stamped, signed envelope: the reference the direct writer must match.
    private static ByteString Generated(ISignatureScheme scheme, OriginatorStamp stamp, ByteString payerBytes)
    {
        var unsigned = new UnsignedOriginatorEnvelope
        {
            OriginatorNodeId = stamp.OriginatorNodeId,
            OriginatorSequenceId = stamp.SequenceId,
            OriginatorNs = stamp.OriginatorNs,
            PayerEnvelopeBytes = payerBytes,
            BaseFeePicodollars = stamp.BaseFeePicodollars,
            CongestionFeePicodollars = stamp.CongestionFeePicodollars,
            ExpiryUnixtime = stamp.ExpiryUnixtime,
        }.ToByteString();
        return new OriginatorEnvelope
        {
            UnsignedOriginatorEnvelope = unsigned,
            OriginatorSignature = new RecoverableEcdsaSignature { Bytes = ByteString.CopyFrom(scheme.Sign(Node, Digests.Originator(unsigned.Span))) },
        }.ToByteString();
    }

    public static TheoryData<bool> Schemes => new() { true, false };

    [Theory]
    [MemberData(nameof(Schemes))]
    public void An_originator_envelope_written_directly_is_what_the_generated_code_serializes(bool real)
    {
        ISignatureScheme scheme = real ? Scheme : Modeled();
        using var lane = new SigningLane("test lane");
        foreach (var (size, sequence) in new[] { (40, 1UL), (300, 200UL), (20_000, 1UL << 40) })
        {
            var payerBytes = SignPayer(ApplicationMessage(size, sequence)).ToByteString();
            var expected = Generated(scheme, Stamp(sequence), payerBytes);

            var (inline, none) = EnvelopeSigner.SignOriginatorBytes(scheme, Node, Stamp(sequence), payerBytes, lane: null);
            var (onLane, signing) = EnvelopeSigner.SignOriginatorBytes(scheme, Node, Stamp(sequence), payerBytes, lane);
            Assert.Null(none);
            Assert.NotNull(signing);
            signing.Wait();

            Assert.Equal(expected, inline);
            Assert.Equal(expected, onLane);
            Assert.Equal(expected, EnvelopeSigner.SignOriginator(scheme, Node, Stamp(sequence), payerBytes).ToByteString());
        }
    }

    [Fact]
    public void A_payer_envelope_signed_on_a_lane_is_the_one_signed_inline()
    {
        using var lane = new SigningLane("test lane");
        var client = ApplicationMessage(500, 9).ToByteString();
        var (envelope, signing) = EnvelopeSigner.SignPayer(Scheme, Payer, client, NodeId, 30, lane);
        Assert.NotNull(signing);
        signing.Wait();

        Assert.Equal(EnvelopeSigner.SignPayer(Scheme, Payer, client, NodeId, 30).ToByteString(), envelope.ToByteString());
        Assert.Equal(Payer.Address, EnvelopeParser.ParsePayer(envelope, Scheme).Unwrap().PayerAddress);
    }

    [Fact]
    public void A_node_reads_its_new_envelope_at_once_and_its_bytes_once_signed()
    {
        using var held = new HeldLane(Scheme, Payer);
        var (own, signing, expected) = OwnSignedOn(held.Lane, 700, 4);

        Assert.Equal(4UL, own.SequenceId);
        Assert.Equal(Payer.Address, own.PayerAddress);
        Assert.False(signing.IsDone); // still queued behind the held signature
        Assert.Equal(expected, own.Raw); // made by this read
        Assert.True(signing.IsDone);
        Assert.Equal(Node.Address, EnvelopeParser.ParseOriginator(own.Raw, Scheme).Unwrap().OriginatorSigner);
    }

    [Fact]
    public void Moving_a_new_envelope_s_bytes_out_of_memory_moves_them_signed()
    {
        using var held = new HeldLane(Scheme, Payer);
        var (own, _, expected) = OwnSignedOn(held.Lane, 900, 5);
        using var file = new ScratchFile("signing-lane-test");

        own.MoveBytesTo(file);

        Assert.True(own.BytesMoved);
        Assert.Equal(expected, own.Raw); // read back from the file
    }

    // A node's new envelope over an application message of `size` bytes, its signature queued on `lane`, and the
    // bytes the generated code gives for it.
    private static (ParsedOriginatorEnvelope Own, PendingSignature Signing, ByteString Expected) OwnSignedOn(SigningLane lane, int size, ulong sequence)
    {
        var payerMessage = SignPayer(ApplicationMessage(size, sequence));
        var payer = EnvelopeParser.ParsePayer(payerMessage, Scheme).Unwrap();
        var (raw, signing) = EnvelopeSigner.SignOriginatorBytes(Scheme, Node, Stamp(sequence), payerMessage.ToByteString(), lane);
        Assert.NotNull(signing);
        return (EnvelopeParser.FromOwnSigned(raw, signing, payer, Node.Address), signing, Generated(Scheme, Stamp(sequence), payerMessage.ToByteString()));
    }

    private static ModeledSignatureScheme Modeled()
    {
        var modeled = new ModeledSignatureScheme();
        modeled.Register(Node);
        modeled.Register(Payer);
        return modeled;
    }
}
