using Google.Protobuf;
using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.Envelopes;
using XmtpSim.Protocol.Wire.Envelopes;
using static XmtpSim.Protocol.Tests.Envelopes.EnvelopeFixture;

namespace XmtpSim.Protocol.Tests.Envelopes;

/// <summary>
/// The payer/originator tamper rules of <see cref="EnvelopeRoundTripTests"/> under <c>crypto: modeled</c>. Where
/// real recovery would yield a different address, modeled recovery fails outright; both are refusals.
/// </summary>
public sealed class ModeledEnvelopeTests
{
    private static readonly ModeledSignatureScheme Modeled = CreateScheme();

    private static ModeledSignatureScheme CreateScheme()
    {
        var scheme = new ModeledSignatureScheme();
        scheme.Register(Payer);
        scheme.Register(Node);
        scheme.Register(SigningKey.Derive("node-200", 1));
        return scheme;
    }

    private static PayerEnvelope SignPayerModeled(ClientEnvelope client, uint target = NodeId) =>
        EnvelopeSigner.SignPayer(Modeled, Payer, client, target, 30);

    private static OriginatorEnvelope OriginateModeled(PayerEnvelope payer, SigningKey? key = null) =>
        EnvelopeSigner.SignOriginator(
            Modeled,
            key ?? Node,
            OriginatorStamp.ForRetention(NodeId, 1, SigningUnixSeconds * 1_000_000_000L, 12_000_100, 0, SigningUnixSeconds, payer.MessageRetentionDays),
            payer);

    [Fact]
    public void Modeled_envelope_round_trips_with_both_signers_recovered()
    {
        var wire = OriginateModeled(SignPayerModeled(ApplicationMessage(120, 7))).ToByteString();
        var result = EnvelopeValidator.ParseAndValidateOriginator(wire, Modeled, Node.Address, Payer.Address);
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(Node.Address, result.Value.OriginatorSigner);
        Assert.Equal(Payer.Address, result.Value.PayerAddress);
    }

    [Fact]
    public void Modeled_tampering_every_byte_position_once_is_refused_when_identities_are_pinned()
    {
        var wire = OriginateModeled(SignPayerModeled(ApplicationMessage(40, 3))).ToByteString().ToByteArray();
        for (var position = 0; position < wire.Length; position++)
        {
            var tampered = (byte[])wire.Clone();
            tampered[position] ^= 0x01;
            var result = EnvelopeValidator.ParseAndValidateOriginator(ByteString.CopyFrom(tampered), Modeled, Node.Address, Payer.Address);
            Assert.False(result.IsValid, $"flipping bit 0 of byte {position} was accepted");
        }
    }

    [Fact]
    public void Modeled_payer_signature_for_target_a_does_not_validate_for_target_b()
    {
        var payer = SignPayerModeled(ApplicationMessage(64, 1), target: 100);
        var parsed = EnvelopeParser.ParsePayer(payer.ToByteString(), Modeled).Unwrap();
        Assert.True(EnvelopeValidator.ValidatePayer(parsed, Modeled, 100, Payer.Address).IsValid);
        Assert.Equal(EnvelopeErrorCode.TargetOriginatorMismatch, EnvelopeValidator.ValidatePayer(parsed, Modeled, 200).Error!.Code);

        // Rewriting the unsigned target field to B: the signature was made over target A's digest, so it no
        // longer verifies at all (real secp256k1 would recover a stranger's address instead).
        var retargeted = payer.Clone();
        retargeted.TargetOriginator = 200;
        Assert.Equal(EnvelopeErrorCode.PayerSignatureInvalid, EnvelopeParser.ParsePayer(retargeted.ToByteString(), Modeled).Error!.Code);
    }

    [Fact]
    public void Modeled_originator_signed_by_another_key_fails_the_expected_node_check()
    {
        var imposter = SigningKey.Derive("node-200", 1);
        var wire = OriginateModeled(SignPayerModeled(ApplicationMessage(64, 1)), key: imposter).ToByteString();
        var result = EnvelopeValidator.ParseAndValidateOriginator(wire, Modeled, Node.Address);
        Assert.Equal(EnvelopeErrorCode.OriginatorSignerMismatch, result.Error!.Code);
    }

    [Fact]
    public void Modeled_signatures_do_not_verify_under_real_crypto_and_vice_versa()
    {
        var modeledWire = OriginateModeled(SignPayerModeled(ApplicationMessage(64, 1))).ToByteString();
        Assert.False(EnvelopeValidator.ParseAndValidateOriginator(modeledWire, Scheme, Node.Address, Payer.Address).IsValid);

        var realWire = Originate(SignPayer(ApplicationMessage(64, 1))).ToByteString();
        Assert.False(EnvelopeValidator.ParseAndValidateOriginator(realWire, Modeled, Node.Address, Payer.Address).IsValid);
    }

    [Fact]
    public void Modeled_payer_unknown_to_the_verifier_is_refused()
    {
        var stranger = SigningKey.Derive("stranger", 9);
        var payer = EnvelopeSigner.SignPayer(Modeled, stranger, ApplicationMessage(64, 1), NodeId, 30);
        Assert.Equal(EnvelopeErrorCode.PayerSignatureInvalid, EnvelopeParser.ParsePayer(payer, Modeled).Error!.Code);
    }
}
