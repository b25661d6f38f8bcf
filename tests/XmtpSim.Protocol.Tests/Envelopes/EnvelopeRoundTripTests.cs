using CsCheck;
using Google.Protobuf;
using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.Envelopes;
using XmtpSim.Protocol.Topics;
using XmtpSim.Protocol.Wire.Envelopes;
using static XmtpSim.Protocol.Tests.Envelopes.EnvelopeFixture;

namespace XmtpSim.Protocol.Tests.Envelopes;

public sealed class EnvelopeRoundTripTests
{
    [Fact]
    public void Build_sign_serialize_parse_validate_preserves_signed_bytes_and_fields()
    {
        Gen.Int[MlsFrameSize, 4096].Select(Gen.ULong, Gen.UInt[0, 5]).Sample((size, seed, dependsOnSeq) =>
        {
            var dependsOn = dependsOnSeq == 0 ? null : new Dictionary<uint, ulong> { [0] = dependsOnSeq };
            var client = ApplicationMessage(size, seed, dependsOn);
            var clientBytes = client.ToByteString();
            var payer = EnvelopeSigner.SignPayer(Scheme, Payer, clientBytes, NodeId, 30);
            var payerBytes = payer.ToByteString();
            var originator = Originate(payer, sequenceId: seed % 1000 + 1);
            var wire = originator.ToByteString();

            var result = EnvelopeValidator.ParseAndValidateOriginator(wire, Scheme, Node.Address, Payer.Address);
            Assert.True(result.IsValid, result.ToString());
            var parsed = result.Value;
            Assert.Equal(wire, parsed.Raw);
            Assert.Equal(originator.UnsignedOriginatorEnvelope, parsed.UnsignedOriginatorEnvelope);
            Assert.Equal(payerBytes, parsed.Payer.Raw);
            Assert.Equal(clientBytes, parsed.Client.Raw);
            Assert.Equal(NodeId, parsed.OriginatorNodeId);
            Assert.Equal(seed % 1000 + 1, parsed.SequenceId);
            Assert.Equal(SigningUnixSeconds * 1_000_000_000L, parsed.OriginatorNs);
            Assert.Equal(12_000_100UL, parsed.BaseFeePicodollars);
            Assert.Equal((ulong)(SigningUnixSeconds + 30 * 86_400), parsed.ExpiryUnixtime);
            Assert.Equal(Payer.Address, parsed.PayerAddress);
            Assert.Equal(Node.Address, parsed.OriginatorSigner);
            Assert.Equal(Topic.GroupMessages(GroupId), parsed.Topic);
            Assert.Equal(ClientEnvelope.PayloadOneofCase.GroupMessage, parsed.PayloadKind);
            Assert.Equal(dependsOn ?? [], parsed.DependsOn);
            Assert.Null(parsed.Client.Envelope.Aad.DependsOn); // moved into DependsOn, not kept twice
            Assert.Equal(30u, parsed.Payer.RetentionDays);
            Assert.False(parsed.IsBlockchainOriginated);
        }, iter: 40);
    }

    [Fact]
    public void Depends_on_reads_like_a_dictionary_in_wire_order()
    {
        var client = ApplicationMessage(MlsFrameSize, 3, new Dictionary<uint, ulong> { [200] = 9, [0] = 4, [100] = 7 });
        var parsed = EnvelopeParser.ParseClient(client.ToByteString(), TopicValidation.Node).Unwrap();

        Assert.Equal([200u, 0u, 100u], parsed.DependsOn.Keys);
        Assert.Equal([9ul, 4ul, 7ul], parsed.DependsOn.Values);
        Assert.Equal(4ul, parsed.DependsOn[0]);
        Assert.True(parsed.DependsOn.ContainsKey(100));
        Assert.False(parsed.DependsOn.TryGetValue(300, out _));
        Assert.Throws<KeyNotFoundException>(() => parsed.DependsOn[300]);
        Assert.Same(DependsOnDictionary.Empty, EnvelopeParser.ParseClient(ApplicationMessage(MlsFrameSize, 3).ToByteString(), TopicValidation.Node).Unwrap().DependsOn);
    }

    [Fact]
    public void Tampering_any_single_byte_of_a_signed_envelope_fails_validation()
    {
        // Bytes outside both signatures (the outer tags/lengths and the signature bytes themselves) are
        // not covered by a digest, so "fail" cannot mean "signature does not verify" for them. What must
        // hold: with the expected node and payer pinned, every single-byte change is refused — by
        // protobuf parsing, by a signature that no longer recovers, or by recovering a different signer.
        // Without pinned identities the weaker, always-checkable form is: refused, or a different
        // recovered signer, or different signed content.
        var payer = SignPayer(ApplicationMessage(120, 7));
        var wire = Originate(payer).ToByteString().ToByteArray();
        var original = EnvelopeParser.ParseOriginator(ByteString.CopyFrom(wire), Scheme).Unwrap();

        Gen.Int[0, wire.Length - 1].Select(Gen.Byte[1, 255]).Sample((position, delta) =>
        {
            var tampered = (byte[])wire.Clone();
            tampered[position] ^= delta;
            var bytes = ByteString.CopyFrom(tampered);

            var pinned = EnvelopeValidator.ParseAndValidateOriginator(bytes, Scheme, Node.Address, Payer.Address);
            Assert.False(pinned.IsValid, $"byte {position} ^ {delta:x2} was accepted");

            var unpinned = EnvelopeValidator.ParseAndValidateOriginator(bytes, Scheme);
            if (unpinned.IsValid)
            {
                var v = unpinned.Value;
                Assert.True(
                    v.OriginatorSigner != original.OriginatorSigner
                    || v.PayerAddress != original.PayerAddress
                    || v.UnsignedOriginatorEnvelope != original.UnsignedOriginatorEnvelope,
                    $"byte {position} ^ {delta:x2}: same signers and same signed content");
            }
        }, iter: 300);
    }

    [Fact]
    public void Tampering_every_byte_position_once_is_refused_when_identities_are_pinned()
    {
        var wire = Originate(SignPayer(ApplicationMessage(40, 3))).ToByteString().ToByteArray();
        for (var position = 0; position < wire.Length; position++)
        {
            var tampered = (byte[])wire.Clone();
            tampered[position] ^= 0x01;
            var result = EnvelopeValidator.ParseAndValidateOriginator(ByteString.CopyFrom(tampered), Scheme, Node.Address, Payer.Address);
            Assert.False(result.IsValid, $"flipping bit 0 of byte {position} was accepted");
        }
    }

    [Fact]
    public void Payer_signature_for_target_a_does_not_validate_for_target_b()
    {
        var payer = SignPayer(ApplicationMessage(64, 1), target: 100);
        var parsed = EnvelopeParser.ParsePayer(payer.ToByteString(), Scheme).Unwrap();
        Assert.True(EnvelopeValidator.ValidatePayer(parsed, Scheme, 100, Payer.Address).IsValid);
        Assert.Equal(EnvelopeErrorCode.PayerSignerMismatch, EnvelopeValidator.ValidatePayer(parsed, Scheme, 200, Payer.Address).Error!.Code);
        Assert.Equal(EnvelopeErrorCode.TargetOriginatorMismatch, EnvelopeValidator.ValidatePayer(parsed, Scheme, 200).Error!.Code);

        // Rewriting the unsigned target field to B makes the same signature recover someone else.
        var retargeted = payer.Clone();
        retargeted.TargetOriginator = 200;
        var reparsed = EnvelopeParser.ParsePayer(retargeted.ToByteString(), Scheme).Unwrap();
        Assert.NotEqual(Payer.Address, reparsed.PayerAddress);
        Assert.Equal(EnvelopeErrorCode.PayerSignerMismatch, EnvelopeValidator.ValidatePayer(reparsed, Scheme, 200, Payer.Address).Error!.Code);
    }

    [Fact]
    public void Originator_signed_by_another_key_fails_the_expected_node_check()
    {
        var imposter = SigningKey.Derive("node-200", 1);
        var wire = Originate(SignPayer(ApplicationMessage(64, 1)), key: imposter).ToByteString();
        var result = EnvelopeValidator.ParseAndValidateOriginator(wire, Scheme, Node.Address);
        Assert.Equal(EnvelopeErrorCode.OriginatorSignerMismatch, result.Error!.Code);
    }

    [Fact]
    public void Originated_envelope_whose_payer_targets_another_node_is_refused()
    {
        var wire = Originate(SignPayer(ApplicationMessage(64, 1), target: 200)).ToByteString();
        Assert.Equal(EnvelopeErrorCode.TargetOriginatorMismatch, EnvelopeValidator.ParseAndValidateOriginator(wire, Scheme, Node.Address).Error!.Code);
    }

    [Fact]
    public void Parse_failures_are_reported_per_layer()
    {
        var garbage = ByteString.CopyFrom(0xFF, 0xFF, 0xFF);
        Assert.Equal(EnvelopeErrorCode.OriginatorEnvelopeMalformed, EnvelopeParser.ParseOriginator(garbage, Scheme).Error!.Code);

        var badUnsigned = new OriginatorEnvelope { UnsignedOriginatorEnvelope = garbage, BlockchainProof = new BlockchainProof() };
        Assert.Equal(EnvelopeErrorCode.UnsignedOriginatorEnvelopeMalformed, EnvelopeParser.ParseOriginator(badUnsigned.ToByteString(), Scheme).Error!.Code);

        var badPayer = EnvelopeSigner.SignOriginator(Scheme, Node, new OriginatorStamp(NodeId, 1, 0, 0, 0, 0), garbage);
        Assert.Equal(EnvelopeErrorCode.PayerEnvelopeMalformed, EnvelopeParser.ParseOriginator(badPayer.ToByteString(), Scheme).Error!.Code);

        Assert.Equal(EnvelopeErrorCode.ClientEnvelopeMalformed, EnvelopeParser.ParsePayer(new PayerEnvelope { UnsignedClientEnvelope = garbage }, Scheme).Error!.Code);

        var noProof = new OriginatorEnvelope { UnsignedOriginatorEnvelope = ByteString.Empty };
        Assert.Equal(EnvelopeErrorCode.MissingProof, EnvelopeParser.ParseOriginator(noProof.ToByteString(), Scheme).Error!.Code);

        var shortSignature = Originate(SignPayer(ApplicationMessage(64, 1)));
        shortSignature.OriginatorSignature.Bytes = ByteString.CopyFrom(new byte[64]);
        Assert.Equal(EnvelopeErrorCode.OriginatorSignatureInvalid, EnvelopeParser.ParseOriginator(shortSignature.ToByteString(), Scheme).Error!.Code);

        var badPayerSignature = SignPayer(ApplicationMessage(64, 1));
        badPayerSignature.PayerSignature.Bytes = ByteString.CopyFrom(new byte[65]);
        Assert.Equal(EnvelopeErrorCode.PayerSignatureInvalid, EnvelopeParser.ParsePayer(badPayerSignature, Scheme).Error!.Code);
    }

    [Fact]
    public void Bad_target_topic_is_an_invalid_topic_error_naming_the_rule()
    {
        var client = ClientEnvelopes.WithAad(Topic.GroupMessages(GroupId), null);
        client.Aad.TargetTopic = ByteString.CopyFrom(9, 1, 2);
        var result = EnvelopeParser.ParseClient(client.ToByteString());
        Assert.Equal(EnvelopeErrorCode.InvalidTopic, result.Error!.Code);
        Assert.Contains(nameof(TopicRule.UnknownKind), result.Error.Message, StringComparison.Ordinal);
    }

    private const int MlsFrameSize = 33;
}
