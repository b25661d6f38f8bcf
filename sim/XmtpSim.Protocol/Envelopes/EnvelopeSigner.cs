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

    /// <summary>The size of a recoverable ECDSA signature (r ‖ s ‖ v), which the modeled scheme keeps too.</summary>
    public const int SignatureSize = 65;

    private static readonly Func<ReadOnlySpan<byte>, byte[]> OriginatorDigest = Digests.Originator;

    /// <summary>Serializes a client envelope and signs it as the payer (gateway) for <paramref name="targetOriginator"/>.</summary>
    public static PayerEnvelope SignPayer(
        ISignatureScheme scheme, SigningKey payerKey, ClientEnvelope client, uint targetOriginator, uint retentionDays) =>
        SignPayer(scheme, payerKey, client.ToByteString(), targetOriginator, retentionDays);

    /// <summary>Signs already-serialized client-envelope bytes as the payer; the bytes are embedded unchanged.</summary>
    public static PayerEnvelope SignPayer(
        ISignatureScheme scheme, SigningKey payerKey, ByteString unsignedClientEnvelope, uint targetOriginator, uint retentionDays) =>
        SignPayer(scheme, payerKey, unsignedClientEnvelope, targetOriginator, retentionDays, lane: null).Envelope;

    /// <summary>
    /// Signs already-serialized client-envelope bytes as the payer. Without a lane the signature is made here and
    /// <c>Signing</c> is null. With one, the lane makes it into the envelope's signature bytes, and nothing may read
    /// the envelope's signature (or serialize the envelope) before <c>Signing.Wait()</c> returns.
    /// </summary>
    public static (PayerEnvelope Envelope, PendingSignature? Signing) SignPayer(
        ISignatureScheme scheme, SigningKey payerKey, ByteString unsignedClientEnvelope, uint targetOriginator, uint retentionDays, SigningLane? lane)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(unsignedClientEnvelope);
        PendingSignature? signing = null;
        byte[] signature;
        if (lane is null)
        {
            signature = scheme.Sign(payerKey, Digests.Payer(targetOriginator, unsignedClientEnvelope.Span));
        }
        else
        {
            signature = new byte[SignatureSize];
            signing = lane.Sign(scheme, payerKey, unsignedClientEnvelope.Memory, bytes => Digests.Payer(targetOriginator, bytes), signature);
        }

        var envelope = new PayerEnvelope
        {
            UnsignedClientEnvelope = unsignedClientEnvelope,
            PayerSignature = new RecoverableEcdsaSignature { Bytes = UnsafeByteOperations.UnsafeWrap(signature) }, // a fresh array, owned here
            TargetOriginator = targetOriginator,
            MessageRetentionDays = retentionDays,
        };
        if (scheme.RemembersSigner(payerKey))
        {
            envelope.RecordSigner(scheme, payerKey.Address);
        }

        return (envelope, signing);
    }

    /// <summary>Stamps and signs a payer envelope as its originator node.</summary>
    public static OriginatorEnvelope SignOriginator(
        ISignatureScheme scheme, SigningKey nodeKey, OriginatorStamp stamp, PayerEnvelope payer) =>
        SignOriginator(scheme, nodeKey, stamp, payer.ToByteString());

    /// <summary>Stamps and signs serialized payer-envelope bytes; the bytes are embedded unchanged.</summary>
    public static OriginatorEnvelope SignOriginator(
        ISignatureScheme scheme, SigningKey nodeKey, OriginatorStamp stamp, ByteString payerEnvelopeBytes) =>
        OriginatorEnvelope.Parser.ParseFrom(SignOriginatorBytes(scheme, nodeKey, stamp, payerEnvelopeBytes, lane: null).Raw);

    /// <summary>
    /// Stamps and signs serialized payer-envelope bytes straight into the serialized OriginatorEnvelope: the bytes
    /// <c>SignOriginator(…).ToByteString()</c> gives, written once. Without a lane the signature is made here and
    /// <c>Signing</c> is null. With one, the lane makes it into the last <see cref="SignatureSize"/> bytes of
    /// <c>Raw</c> and nothing may read those bytes before <c>Signing.Wait()</c> returns; the other bytes are
    /// final at once.
    /// </summary>
    public static (ByteString Raw, PendingSignature? Signing) SignOriginatorBytes(
        ISignatureScheme scheme, SigningKey nodeKey, OriginatorStamp stamp, ByteString payerEnvelopeBytes, SigningLane? lane)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var unsigned = new UnsignedOriginatorEnvelope
        {
            OriginatorNodeId = stamp.OriginatorNodeId,
            OriginatorSequenceId = stamp.SequenceId,
            OriginatorNs = stamp.OriginatorNs,
            PayerEnvelopeBytes = payerEnvelopeBytes,
            BaseFeePicodollars = stamp.BaseFeePicodollars,
            CongestionFeePicodollars = stamp.CongestionFeePicodollars,
            ExpiryUnixtime = stamp.ExpiryUnixtime,
        };
        var unsignedSize = unsigned.CalculateSize();
        var signatureMessageSize = BytesFieldSize(RecoverableEcdsaSignature.BytesFieldNumber, SignatureSize);
        var buffer = new byte[
            BytesFieldSize(OriginatorEnvelope.UnsignedOriginatorEnvelopeFieldNumber, unsignedSize) +
            CodedOutputStream.ComputeTagSize(OriginatorEnvelope.OriginatorSignatureFieldNumber) +
            CodedOutputStream.ComputeLengthSize(signatureMessageSize) + signatureMessageSize];
        var output = new CodedOutputStream(buffer);
        var unsignedStart = 0;
        if (unsignedSize > 0)
        {
            output.WriteTag(OriginatorEnvelope.UnsignedOriginatorEnvelopeFieldNumber, WireFormat.WireType.LengthDelimited);
            output.WriteLength(unsignedSize);
            unsignedStart = (int)output.Position;
            unsigned.WriteTo(output);
        }

        // The signature is the set member of a oneof, so it is written whatever it holds; its bytes come last.
        output.WriteTag(OriginatorEnvelope.OriginatorSignatureFieldNumber, WireFormat.WireType.LengthDelimited);
        output.WriteLength(signatureMessageSize);
        output.WriteTag(RecoverableEcdsaSignature.BytesFieldNumber, WireFormat.WireType.LengthDelimited);
        output.WriteLength(SignatureSize);
        output.Flush();
        var signatureStart = (int)output.Position;
        if (signatureStart != buffer.Length - SignatureSize)
        {
            throw new InvalidOperationException($"the signature's place starts at {signatureStart}, not {buffer.Length - SignatureSize}");
        }

        var signed = buffer.AsMemory(unsignedStart, unsignedSize);
        var destination = buffer.AsMemory(signatureStart);
        PendingSignature? signing = null;
        if (lane is null)
        {
            SigningLane.SignNow(scheme, nodeKey, signed.Span, OriginatorDigest, destination.Span);
        }
        else
        {
            signing = lane.Sign(scheme, nodeKey, signed, OriginatorDigest, destination);
        }

        return (UnsafeByteOperations.UnsafeWrap(buffer), signing); // a fresh array, owned here
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
