using Google.Protobuf;
using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.Wire.Envelopes;
using XmtpSim.Protocol.Wire.Identity;

namespace XmtpSim.Protocol.Envelopes;

/// <summary>
/// Wraps and signs envelope layers. Each layer embeds the previous one as bytes serialized exactly once;
/// signatures go through <see cref="ISignatureScheme"/> over the digests of <see cref="Digests"/>.
/// </summary>
public static class EnvelopeSigner
{
    /// <summary>Size of an app-chain transaction hash, bytes.</summary>
    public const int TransactionHashSize = 32;

    /// <summary>Serializes a client envelope and signs it as the payer (gateway) for <paramref name="targetOriginator"/>.</summary>
    public static PayerEnvelope SignPayer(
        ISignatureScheme scheme, SigningKey payerKey, ClientEnvelope client, uint targetOriginator, uint retentionDays) =>
        SignPayer(scheme, payerKey, client.ToByteString(), targetOriginator, retentionDays);

    /// <summary>Signs already-serialized client-envelope bytes as the payer; the bytes are embedded unchanged.</summary>
    public static PayerEnvelope SignPayer(
        ISignatureScheme scheme, SigningKey payerKey, ByteString unsignedClientEnvelope, uint targetOriginator, uint retentionDays)
    {
        var digest = Digests.Payer(targetOriginator, unsignedClientEnvelope.Span);
        return new PayerEnvelope
        {
            UnsignedClientEnvelope = unsignedClientEnvelope,
            PayerSignature = new RecoverableEcdsaSignature { Bytes = UnsafeByteOperations.UnsafeWrap(scheme.Sign(payerKey, digest)) }, // a fresh array, owned here
            TargetOriginator = targetOriginator,
            MessageRetentionDays = retentionDays,
        };
    }

    /// <summary>Stamps and signs a payer envelope as its originator node.</summary>
    public static OriginatorEnvelope SignOriginator(
        ISignatureScheme scheme, SigningKey nodeKey, OriginatorStamp stamp, PayerEnvelope payer) =>
        SignOriginator(scheme, nodeKey, stamp, payer.ToByteString());

    /// <summary>Stamps and signs serialized payer-envelope bytes; the bytes are embedded unchanged.</summary>
    public static OriginatorEnvelope SignOriginator(
        ISignatureScheme scheme, SigningKey nodeKey, OriginatorStamp stamp, ByteString payerEnvelopeBytes)
    {
        var unsigned = new UnsignedOriginatorEnvelope
        {
            OriginatorNodeId = stamp.OriginatorNodeId,
            OriginatorSequenceId = stamp.SequenceId,
            OriginatorNs = stamp.OriginatorNs,
            PayerEnvelopeBytes = payerEnvelopeBytes,
            BaseFeePicodollars = stamp.BaseFeePicodollars,
            CongestionFeePicodollars = stamp.CongestionFeePicodollars,
            ExpiryUnixtime = stamp.ExpiryUnixtime,
        }.ToByteString();
        var signature = scheme.Sign(nodeKey, Digests.Originator(unsigned.Span));
        return new OriginatorEnvelope
        {
            UnsignedOriginatorEnvelope = unsigned,
            OriginatorSignature = new RecoverableEcdsaSignature { Bytes = UnsafeByteOperations.UnsafeWrap(signature) }, // a fresh array, owned here
        };
    }

    /// <summary>
    /// The serialized envelope a node's indexer (or the gateway, for its reply) builds from a broadcaster event
    /// (spec §8.2–8.3): originator 0 (group messages) or 1 (identity updates), the event's sequence ID, the
    /// builder's own clock, fees and expiry 0, a PayerEnvelope with only unsigned_client_envelope, and a
    /// BlockchainProof instead of a signature. Written in one pass into one array, exactly as the generated code
    /// serializes those messages: every node indexes every chain event, group commits run to the chain's
    /// maximum transaction size, and building the nested messages copied the event's bytes three times.
    /// </summary>
    /// <param name="originatorNs">The indexing node's clock, Unix nanoseconds (differs per node).</param>
    /// <param name="clientEnvelope">The event's message bytes: the serialized ClientEnvelope, unchanged.</param>
    public static ByteString BuildChainOriginated(
        uint originatorNodeId, ulong sequenceId, long originatorNs, ByteString clientEnvelope, ReadOnlySpan<byte> transactionHash)
    {
        if (!ReservedOriginators.IsBlockchain(originatorNodeId))
        {
            throw new ArgumentOutOfRangeException(nameof(originatorNodeId), originatorNodeId, "blockchain originators are 0 and 1");
        }

        if (transactionHash.Length != TransactionHashSize)
        {
            throw new ArgumentException($"a transaction hash has {TransactionHashSize} bytes, got {transactionHash.Length}", nameof(transactionHash));
        }

        // Sizes inside out; proto3 leaves a field at its default value out, as the generated code does.
        var payerSize = BytesFieldSize(PayerEnvelope.UnsignedClientEnvelopeFieldNumber, clientEnvelope.Length);
        var unsignedSize =
            VarintFieldSize(UnsignedOriginatorEnvelope.OriginatorNodeIdFieldNumber, originatorNodeId) +
            VarintFieldSize(UnsignedOriginatorEnvelope.OriginatorSequenceIdFieldNumber, sequenceId) +
            VarintFieldSize(UnsignedOriginatorEnvelope.OriginatorNsFieldNumber, (ulong)originatorNs) + // int64: a varint of its 64 bits
            BytesFieldSize(UnsignedOriginatorEnvelope.PayerEnvelopeBytesFieldNumber, payerSize);
        var proofSize = BytesFieldSize(BlockchainProof.TransactionHashFieldNumber, TransactionHashSize);

        var buffer = new byte[
            BytesFieldSize(OriginatorEnvelope.UnsignedOriginatorEnvelopeFieldNumber, unsignedSize) +
            CodedOutputStream.ComputeTagSize(OriginatorEnvelope.BlockchainProofFieldNumber) + CodedOutputStream.ComputeLengthSize(proofSize) + proofSize];
        var output = new CodedOutputStream(buffer);
        if (unsignedSize > 0)
        {
            output.WriteTag(OriginatorEnvelope.UnsignedOriginatorEnvelopeFieldNumber, WireFormat.WireType.LengthDelimited);
            output.WriteLength(unsignedSize);
            WriteVarintField(output, UnsignedOriginatorEnvelope.OriginatorNodeIdFieldNumber, originatorNodeId);
            WriteVarintField(output, UnsignedOriginatorEnvelope.OriginatorSequenceIdFieldNumber, sequenceId);
            WriteVarintField(output, UnsignedOriginatorEnvelope.OriginatorNsFieldNumber, (ulong)originatorNs);
            if (payerSize > 0)
            {
                output.WriteTag(UnsignedOriginatorEnvelope.PayerEnvelopeBytesFieldNumber, WireFormat.WireType.LengthDelimited);
                output.WriteLength(payerSize);
                output.WriteTag(PayerEnvelope.UnsignedClientEnvelopeFieldNumber, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(clientEnvelope);
            }
        }

        // The proof is the set member of a oneof, so it is written whatever it holds.
        output.WriteTag(OriginatorEnvelope.BlockchainProofFieldNumber, WireFormat.WireType.LengthDelimited);
        output.WriteLength(proofSize);
        output.WriteTag(BlockchainProof.TransactionHashFieldNumber, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(transactionHash));
        output.CheckNoSpaceLeft();
        return UnsafeByteOperations.UnsafeWrap(buffer); // a fresh array, owned here
    }

    // A bytes field's size with its tag, or 0 when empty (proto3 leaves an empty bytes field out).
    private static int BytesFieldSize(int fieldNumber, int length) =>
        length == 0 ? 0 : CodedOutputStream.ComputeTagSize(fieldNumber) + CodedOutputStream.ComputeLengthSize(length) + length;

    // A varint field's size with its tag, or 0 at its default.
    private static int VarintFieldSize(int fieldNumber, ulong value) =>
        value == 0 ? 0 : CodedOutputStream.ComputeTagSize(fieldNumber) + CodedOutputStream.ComputeUInt64Size(value);

    private static void WriteVarintField(CodedOutputStream output, int fieldNumber, ulong value)
    {
        if (value != 0)
        {
            output.WriteTag(fieldNumber, WireFormat.WireType.Varint);
            output.WriteUInt64(value);
        }
    }
}
