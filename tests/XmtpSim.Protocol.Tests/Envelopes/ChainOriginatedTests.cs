using Google.Protobuf;
using XmtpSim.Protocol.Envelopes;
using XmtpSim.Protocol.Mls;
using XmtpSim.Protocol.Topics;
using XmtpSim.Protocol.Wire.Identity;
using static XmtpSim.Protocol.Tests.Envelopes.EnvelopeFixture;

namespace XmtpSim.Protocol.Tests.Envelopes;

public sealed class ChainOriginatedTests
{
    private static readonly byte[] TxHash = Enumerable.Range(0, 32).Select(i => (byte)(255 - i)).ToArray();

    [Fact]
    public void Commit_indexed_from_chain_parses_and_validates_as_originator_0()
    {
        var commit = ClientEnvelopes.GroupMessage(
            GroupId, ByteString.CopyFrom(MlsFrame.Build(GroupId, 4, MlsContentType.Commit, 200, 9)));
        var clientBytes = commit.ToByteString();
        var wire = EnvelopeSigner.BuildChainOriginated(ReservedOriginators.GroupMessages, 17, 123_456_789, clientBytes, TxHash);

        var result = EnvelopeValidator.ParseAndValidateOriginator(wire, Scheme, Node.Address);
        Assert.True(result.IsValid, result.ToString());
        var parsed = result.Value;
        Assert.True(parsed.IsBlockchainOriginated);
        Assert.Equal(0u, parsed.OriginatorNodeId);
        Assert.Equal(17UL, parsed.SequenceId);
        Assert.Equal(TxHash, parsed.TransactionHash!.ToByteArray());
        Assert.Equal(clientBytes, parsed.Client.Raw);
        Assert.Null(parsed.PayerAddress);
        Assert.Null(parsed.OriginatorSigner);
        Assert.Equal(0UL, parsed.ExpiryUnixtime);
        Assert.Equal(0UL, parsed.TotalFeePicodollars);
        Assert.Equal(0u, parsed.Payer.TargetOriginator);
        Assert.Equal(MlsMessageClass.Commit, MlsFrame.Classify(parsed.Client.Envelope.GroupMessage));
    }

    [Fact]
    public void Identity_update_indexed_from_chain_validates_as_originator_1_only()
    {
        var inbox = new byte[32];
        inbox[0] = 1;
        var update = ClientEnvelopes.IdentityUpdate(inbox, new IdentityUpdate { InboxId = Convert.ToHexStringLower(inbox), ClientTimestampNs = 5 });
        var bytes = update.ToByteString();

        var asOne = EnvelopeSigner.BuildChainOriginated(ReservedOriginators.IdentityUpdates, 3, 1, bytes, TxHash);
        var ok = EnvelopeValidator.ParseAndValidateOriginator(asOne, Scheme);
        Assert.True(ok.IsValid, ok.ToString());
        Assert.Equal(Topic.IdentityUpdates(inbox), ok.Value.Topic);

        var asZero = EnvelopeSigner.BuildChainOriginated(ReservedOriginators.GroupMessages, 3, 1, bytes, TxHash);
        Assert.Equal(EnvelopeErrorCode.BlockchainOriginatorInvalid, EnvelopeValidator.ParseAndValidateOriginator(asZero, Scheme).Error!.Code);
    }

    [Fact]
    public void Blockchain_proof_with_short_hash_or_on_a_node_originator_is_refused()
    {
        var commit = ClientEnvelopes.GroupMessage(GroupId, ByteString.CopyFrom(MlsFrame.Build(GroupId, 4, MlsContentType.Commit, 40, 9)));
        var envelope = Wire.Envelopes.OriginatorEnvelope.Parser.ParseFrom(EnvelopeSigner.BuildChainOriginated(0, 1, 1, commit.ToByteString(), TxHash));
        envelope.BlockchainProof.TransactionHash = ByteString.CopyFrom(new byte[31]);
        Assert.Equal(EnvelopeErrorCode.BlockchainProofInvalid, EnvelopeValidator.ParseAndValidateOriginator(envelope.ToByteString(), Scheme).Error!.Code);

        var unsigned = Wire.Envelopes.UnsignedOriginatorEnvelope.Parser.ParseFrom(envelope.UnsignedOriginatorEnvelope);
        unsigned.OriginatorNodeId = 100;
        envelope.UnsignedOriginatorEnvelope = unsigned.ToByteString();
        envelope.BlockchainProof.TransactionHash = ByteString.CopyFrom(TxHash);
        Assert.Equal(EnvelopeErrorCode.BlockchainOriginatorInvalid, EnvelopeValidator.ParseAndValidateOriginator(envelope.ToByteString(), Scheme).Error!.Code);

        Assert.Throws<ArgumentOutOfRangeException>(() => EnvelopeSigner.BuildChainOriginated(100, 1, 1, commit.ToByteString(), TxHash));
    }

    [Theory]
    [InlineData(0u, 17UL, 123_456_789L, 200)]
    [InlineData(1u, 1UL, 1L, 40)]
    [InlineData(0u, 0UL, 0L, 40)] // every scalar at its default: left out
    [InlineData(1u, ulong.MaxValue, long.MaxValue, 33)] // the smallest frame
    [InlineData(0u, 300UL, -5L, 130_000)] // a negative clock is a ten-byte varint; a commit at the chain's size limit
    [InlineData(0u, 9UL, 1_700_000_000_000_000_000L, 0)] // no client bytes: the payer envelope is empty, and so left out
    public void The_one_pass_bytes_are_the_generated_messages_serialization(uint originator, ulong sequence, long ns, int payloadBytes)
    {
        var clientBytes = payloadBytes == 0
            ? ByteString.Empty
            : ClientEnvelopes.GroupMessage(GroupId, ByteString.CopyFrom(MlsFrame.Build(GroupId, 4, MlsContentType.Commit, payloadBytes, 9))).ToByteString();

        // The reference: the nested messages built and serialized by the generated code.
        var expected = new Wire.Envelopes.OriginatorEnvelope
        {
            UnsignedOriginatorEnvelope = new Wire.Envelopes.UnsignedOriginatorEnvelope
            {
                OriginatorNodeId = originator,
                OriginatorSequenceId = sequence,
                OriginatorNs = ns,
                PayerEnvelopeBytes = new Wire.Envelopes.PayerEnvelope { UnsignedClientEnvelope = clientBytes }.ToByteString(),
            }.ToByteString(),
            BlockchainProof = new Wire.Envelopes.BlockchainProof { TransactionHash = ByteString.CopyFrom(TxHash) },
        }.ToByteString();

        Assert.Equal(expected.ToByteArray(), EnvelopeSigner.BuildChainOriginated(originator, sequence, ns, clientBytes, TxHash).ToByteArray());
    }

    [Fact]
    public void A_transaction_hash_of_the_wrong_size_is_refused()
    {
        var bytes = ClientEnvelopes.GroupMessage(GroupId, ByteString.CopyFrom(MlsFrame.Build(GroupId, 4, MlsContentType.Commit, 40, 9))).ToByteString();
        Assert.Throws<ArgumentException>(() => EnvelopeSigner.BuildChainOriginated(0, 1, 1, bytes, TxHash.AsSpan(1)));
    }
}
