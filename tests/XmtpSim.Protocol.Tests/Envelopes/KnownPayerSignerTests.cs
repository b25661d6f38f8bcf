using Google.Protobuf;
using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.Envelopes;
using XmtpSim.Protocol.Wire.Envelopes;
using XmtpSim.Protocol.Wire.Identity;
using static XmtpSim.Protocol.Tests.Envelopes.EnvelopeFixture;

namespace XmtpSim.Protocol.Tests.Envelopes;

/// <summary>
/// A node validating the payer envelope object its gateway signed takes the signer from it instead of recovering,
/// and only while the envelope holds exactly what was signed: any change, another scheme or a scheme that does not
/// remember signers recovers for real, with the answer recovery gives.
/// </summary>
public sealed class KnownPayerSignerTests
{
    private static (CountingScheme Scheme, PayerEnvelope Envelope) Signed(ulong seed, bool registered = true)
    {
        var modeled = new ModeledSignatureScheme();
        if (registered)
        {
            modeled.Register(Payer);
        }

        var counting = new CountingScheme(modeled);
        return (counting, EnvelopeSigner.SignPayer(counting, Payer, ApplicationMessage(200, seed), NodeId, 30));
    }

    [Fact]
    public void The_unchanged_envelope_validates_to_its_signer_without_a_recovery()
    {
        var (scheme, envelope) = Signed(1);

        var validated = NodePublishValidator.Validate(envelope, NodeId, scheme);

        Assert.True(validated.IsValid, validated.Error?.ToString());
        Assert.Equal(Payer.Address, validated.Value!.PayerAddress);
        Assert.Equal(0, scheme.Recoveries);
        var fromBytes = EnvelopeParser.ParsePayer(envelope.ToByteString(), scheme); // the same bytes, decoded: recovered
        Assert.Equal(Payer.Address, fromBytes.Value!.PayerAddress);
        Assert.Equal(1, scheme.Recoveries);
    }

    [Fact]
    public void A_changed_target_is_recovered_and_refused()
    {
        var (scheme, envelope) = Signed(2);
        envelope.TargetOriginator = NodeId + 1;

        var validated = NodePublishValidator.Validate(envelope, NodeId + 1, scheme);

        Assert.Equal(EnvelopeErrorCode.PayerSignatureInvalid, validated.Error?.Code);
        Assert.Equal(1, scheme.Recoveries);
    }

    [Fact]
    public void Replaced_client_bytes_are_recovered_even_when_equal()
    {
        var (scheme, envelope) = Signed(3);
        envelope.UnsignedClientEnvelope = ByteString.CopyFrom(envelope.UnsignedClientEnvelope.Span);

        Assert.True(NodePublishValidator.Validate(envelope, NodeId, scheme).IsValid);
        Assert.Equal(1, scheme.Recoveries);
    }

    [Fact]
    public void A_tampered_signature_is_recovered_and_refused()
    {
        var (scheme, envelope) = Signed(4);
        var tampered = envelope.PayerSignature.Bytes.ToByteArray();
        tampered[EthAddress.Size] ^= 0x01;
        envelope.PayerSignature = new RecoverableEcdsaSignature { Bytes = ByteString.CopyFrom(tampered) };

        Assert.Equal(EnvelopeErrorCode.PayerSignatureInvalid, NodePublishValidator.Validate(envelope, NodeId, scheme).Error?.Code);
        Assert.Equal(1, scheme.Recoveries);
    }

    [Fact]
    public void A_clone_and_another_scheme_recover()
    {
        var (scheme, envelope) = Signed(5);
        Assert.True(NodePublishValidator.Validate(envelope.Clone(), NodeId, scheme).IsValid);
        Assert.Equal(1, scheme.Recoveries);

        var other = new ModeledSignatureScheme(); // does not know the payer: the signer's answer is not this scheme's
        Assert.Equal(EnvelopeErrorCode.PayerSignatureInvalid, NodePublishValidator.Validate(envelope, NodeId, other).Error?.Code);
    }

    [Fact]
    public void A_signer_the_scheme_cannot_verify_is_refused_as_before()
    {
        var (scheme, envelope) = Signed(6, registered: false);

        Assert.Equal(EnvelopeErrorCode.PayerSignatureInvalid, NodePublishValidator.Validate(envelope, NodeId, scheme).Error?.Code);
        Assert.Equal(1, scheme.Recoveries);
    }

    [Fact]
    public void Real_signatures_are_known_only_through_a_recovery_cache()
    {
        var cached = new RealSignatureScheme(BouncyCastleSecp256k1.Instance, new RecoveryCache(64));
        Assert.True(cached.RemembersSigner(Payer));
        Assert.False(new RealSignatureScheme(BouncyCastleSecp256k1.Instance).RemembersSigner(Payer));

        var counting = new CountingScheme(cached);
        var envelope = EnvelopeSigner.SignPayer(counting, Payer, ApplicationMessage(200, 7), NodeId, 30);
        Assert.Equal(Payer.Address, NodePublishValidator.Validate(envelope, NodeId, counting).Value!.PayerAddress);
        Assert.Equal(0, counting.Recoveries);
        Assert.Equal(Payer.Address, EnvelopeParser.ParsePayer(envelope.ToByteString(), Scheme).Value!.PayerAddress); // uncached arithmetic agrees
    }
}
