using Google.Protobuf;
using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.Topics;
using XmtpSim.Protocol.Wire.Envelopes;

namespace XmtpSim.Protocol.Envelopes;

/// <summary>
/// Decodes envelope layers and recovers signers. Parsing refuses what cannot be represented (bad
/// protobuf at any layer, no aad, bad topic, unrecoverable signatures, missing proof); policy checks
/// (expected signers, targets, consistency, publish rules) are in <see cref="EnvelopeValidator"/> and
/// <see cref="NodePublishValidator"/>.
/// </summary>
public static class EnvelopeParser
{
    /// <summary>Decodes a serialized ClientEnvelope.</summary>
    public static EnvelopeResult<ParsedClientEnvelope> ParseClient(
        ByteString bytes, TopicValidation topicValidation = TopicValidation.Strict)
    {
        ClientEnvelope envelope;
        try
        {
            envelope = WireSlices.Parse(ClientEnvelope.Parser, bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            return EnvelopeResult.Fail<ParsedClientEnvelope>(
                EnvelopeErrorCode.ClientEnvelopeMalformed, "could not unmarshal client envelope: " + e.Message);
        }

        if (envelope.Aad is null)
        {
            return EnvelopeResult.Fail<ParsedClientEnvelope>(
                EnvelopeErrorCode.MissingAuthenticatedData, "authenticated data is missing");
        }

        if (!Topic.TryParse(envelope.Aad.TargetTopic, out var topic, out var topicError, topicValidation))
        {
            return EnvelopeResult.Fail<ParsedClientEnvelope>(
                EnvelopeErrorCode.InvalidTopic, "invalid target topic: " + topicError);
        }

        return EnvelopeResult.Ok(new ParsedClientEnvelope(bytes, envelope, topic));
    }

    /// <summary>Decodes a serialized PayerEnvelope and recovers the payer over its own target_originator.</summary>
    public static EnvelopeResult<ParsedPayerEnvelope> ParsePayer(
        ByteString bytes, ISignatureScheme scheme, TopicValidation topicValidation = TopicValidation.Strict)
    {
        PayerEnvelope envelope;
        try
        {
            envelope = WireSlices.Parse(PayerEnvelope.Parser, bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            return EnvelopeResult.Fail<ParsedPayerEnvelope>(
                EnvelopeErrorCode.PayerEnvelopeMalformed, "could not unmarshal payer envelope: " + e.Message);
        }

        return FromPayer(bytes, envelope, scheme, topicValidation);
    }

    /// <summary>
    /// Decodes a PayerEnvelope message as received in a publish request. Its signed field
    /// (unsigned_client_envelope) is used as is; the outer bytes are serialized once for storage.
    /// </summary>
    public static EnvelopeResult<ParsedPayerEnvelope> ParsePayer(
        PayerEnvelope envelope, ISignatureScheme scheme, TopicValidation topicValidation = TopicValidation.Strict) =>
        FromPayer(envelope.ToByteString(), envelope, scheme, topicValidation);

    /// <summary>Decodes a serialized OriginatorEnvelope through all layers, recovering both signers.</summary>
    public static EnvelopeResult<ParsedOriginatorEnvelope> ParseOriginator(
        ByteString bytes, ISignatureScheme scheme, TopicValidation topicValidation = TopicValidation.Strict) =>
        DecodeOriginator(bytes, scheme, topicValidation, recoverOriginator: true);

    /// <summary>
    /// Decodes a replicated OriginatorEnvelope the way an xmtpd replica does (spec §6, §15.2): every layer is
    /// parsed and the payer signature recovered, but the originator signature is not verified (its signer is
    /// left unknown); the peer's identity is trusted through the connection.
    /// </summary>
    public static EnvelopeResult<ParsedOriginatorEnvelope> ParseReplicated(
        ByteString bytes, ISignatureScheme scheme, TopicValidation topicValidation = TopicValidation.Strict) =>
        DecodeOriginator(bytes, scheme, topicValidation, recoverOriginator: false);

    /// <summary>
    /// What a replica's <see cref="ParseReplicated(ByteString, ISignatureScheme, TopicValidation)"/> of
    /// <paramref name="received"/>'s raw bytes concludes: null when they decode and the payer recovers, else why
    /// not. Every <see cref="ParsedOriginatorEnvelope"/> is built by this parser from its <see cref="ParsedOriginatorEnvelope.Raw"/>,
    /// so on success its fields are what the decode would read, and the caller uses them. The verdict is a pure
    /// function of those immutable bytes, the scheme and the topic rule; it is worked out once per envelope object
    /// and kept on it, so the replicas of one network decode an envelope once instead of once each (an envelope a
    /// node has just signed carries it from the start: see <see cref="FromOwnSigned"/>). Other bytes
    /// (a tampered copy is another object), another scheme or another rule are decoded for real. The caller
    /// charges its own simulated CPU time either way.
    /// </summary>
    public static EnvelopeError? CheckReplicated(
        ParsedOriginatorEnvelope received, ISignatureScheme scheme, TopicValidation topicValidation = TopicValidation.Strict)
    {
        ArgumentNullException.ThrowIfNull(received);
        if (received.Replicated is { } known && ReferenceEquals(known.Scheme, scheme) && known.TopicValidation == topicValidation)
        {
            return known.Error;
        }

        var error = ParseReplicated(received.Raw, scheme, topicValidation).Error;
        received.Replicated = ReplicaVerdict.Of(scheme, topicValidation, error);
        return error;
    }

    /// <summary>
    /// Wraps an envelope this node has just signed over a payer envelope it has already validated: nothing
    /// is recovered again (the signer is the node itself). The layers are decoded again from the one
    /// serialized envelope, so every layer's bytes are slices of what the node stores and replicas share.
    /// </summary>
    public static ParsedOriginatorEnvelope FromOwnSigned(OriginatorEnvelope envelope, ParsedPayerEnvelope payer, EthAddress signer)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return FromOwnSigned(envelope.ToByteString(), signing: null, payer, signer);
    }

    /// <summary>
    /// <see cref="FromOwnSigned(OriginatorEnvelope, ParsedPayerEnvelope, EthAddress)"/> for the serialized envelope,
    /// whose signature may still be in the making (<see cref="EnvelopeSigner.SignOriginatorBytes"/>): the parsed
    /// envelope waits for it before anyone reads its signature or its whole bytes.
    /// </summary>
    public static ParsedOriginatorEnvelope FromOwnSigned(ByteString raw, PendingSignature? signing, ParsedPayerEnvelope payer, EthAddress signer)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(payer);
        var (layers, unsigned) = DecodeTrusted(raw, payer.Client.Topic, payer.PayerAddress, signing);
        if (!layers.Payer.Raw.Span.SequenceEqual(payer.Raw.Span))
        {
            throw new ArgumentException("the signed envelope does not carry this payer envelope", nameof(payer));
        }

        // A replica decodes the originator layers (they just decoded here), skips the originator signature and decodes
        // the payer bytes, which are these: so under the scheme and rule the node checked them with, its verdict is
        // already known.
        return new ParsedOriginatorEnvelope(layers, unsigned, signer)
        {
            Replicated = layers.OriginatorSignature is null ? null : payer.DecodedUnder,
        };
    }

    /// <summary>
    /// Decodes the layers of an envelope whose bytes were read back from a scratch file after being parsed and
    /// checked (see <see cref="DecodeTrusted"/>).
    /// </summary>
    internal static ParsedOriginatorEnvelope.Layers DecodeLayers(ByteString raw, Topic topic, EthAddress? payerAddress) =>
        DecodeTrusted(raw, topic, payerAddress, signing: null).Layers;

    // Decodes every layer of bytes that were checked before (the node's own signing, or a read-back): nothing is
    // recovered or validated again; the topic and payer are the ones found then. Every layer is a slice of raw.
    // Decoding reads the signature's length, never its bytes, so it may still be in the making (signing).
    private static (ParsedOriginatorEnvelope.Layers Layers, Wire.Envelopes.UnsignedOriginatorEnvelope Unsigned) DecodeTrusted(
        ByteString raw, Topic topic, EthAddress? payerAddress, PendingSignature? signing)
    {
        var envelope = WireSlices.Parse(OriginatorEnvelope.Parser, raw);
        var unsigned = WireSlices.Parse(Wire.Envelopes.UnsignedOriginatorEnvelope.Parser, envelope.UnsignedOriginatorEnvelope);
        var payer = WireSlices.Parse(PayerEnvelope.Parser, unsigned.PayerEnvelopeBytes);
        var client = new ParsedClientEnvelope(payer.UnsignedClientEnvelope, WireSlices.Parse(ClientEnvelope.Parser, payer.UnsignedClientEnvelope), topic);
        var parsedPayer = new ParsedPayerEnvelope(
            unsigned.PayerEnvelopeBytes, payer.TargetOriginator, payer.MessageRetentionDays, payer.PayerSignature?.Bytes, payerAddress, client);
        var layers = new ParsedOriginatorEnvelope.Layers(
            raw, envelope.UnsignedOriginatorEnvelope, envelope.OriginatorSignature?.Bytes, envelope.BlockchainProof?.TransactionHash, parsedPayer)
        {
            Signing = signing,
        };
        return (layers, unsigned);
    }

    /// <summary>Decodes an OriginatorEnvelope message (e.g. from a query response) through all layers.</summary>
    public static EnvelopeResult<ParsedOriginatorEnvelope> ParseOriginator(
        OriginatorEnvelope envelope, ISignatureScheme scheme, TopicValidation topicValidation = TopicValidation.Strict)
    {
        ArgumentNullException.ThrowIfNull(envelope);

        // Decoded again from its own serialization, so the caller's message is never re-pointed.
        return DecodeOriginator(envelope.ToByteString(), scheme, topicValidation, recoverOriginator: true);
    }

    private static EnvelopeResult<ParsedOriginatorEnvelope> DecodeOriginator(
        ByteString bytes, ISignatureScheme scheme, TopicValidation topicValidation, bool recoverOriginator)
    {
        OriginatorEnvelope envelope;
        try
        {
            envelope = WireSlices.Parse(OriginatorEnvelope.Parser, bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            return EnvelopeResult.Fail<ParsedOriginatorEnvelope>(
                EnvelopeErrorCode.OriginatorEnvelopeMalformed, "could not unmarshal originator envelope: " + e.Message);
        }

        return FromOriginator(bytes, envelope, scheme, topicValidation, recoverOriginator);
    }

    private static EnvelopeResult<ParsedOriginatorEnvelope> FromOriginator(
        ByteString raw, OriginatorEnvelope envelope, ISignatureScheme scheme, TopicValidation topicValidation, bool recoverOriginator = true)
    {
        var unsignedBytes = envelope.UnsignedOriginatorEnvelope;
        UnsignedOriginatorEnvelope unsigned;
        try
        {
            unsigned = WireSlices.Parse(Wire.Envelopes.UnsignedOriginatorEnvelope.Parser, unsignedBytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            return EnvelopeResult.Fail<ParsedOriginatorEnvelope>(
                EnvelopeErrorCode.UnsignedOriginatorEnvelopeMalformed, "could not unmarshal unsigned originator envelope: " + e.Message);
        }

        ByteString? signature = null;
        EthAddress? signer = null;
        ByteString? transactionHash = null;
        switch (envelope.ProofCase)
        {
            case OriginatorEnvelope.ProofOneofCase.OriginatorSignature:
                signature = envelope.OriginatorSignature.Bytes;
                if (!recoverOriginator)
                {
                    break;
                }

                var digest = Digests.Originator(unsignedBytes.Span);
                if (!scheme.TryRecoverAddress(digest, signature.Span, out var recovered))
                {
                    return EnvelopeResult.Fail<ParsedOriginatorEnvelope>(
                        EnvelopeErrorCode.OriginatorSignatureInvalid,
                        $"originator signature of {signature.Length} bytes does not recover to an address");
                }

                signer = recovered;
                break;
            case OriginatorEnvelope.ProofOneofCase.BlockchainProof:
                transactionHash = envelope.BlockchainProof.TransactionHash;
                break;
            default:
                return EnvelopeResult.Fail<ParsedOriginatorEnvelope>(
                    EnvelopeErrorCode.MissingProof, "originator envelope has neither a signature nor a blockchain proof");
        }

        var payer = ParsePayer(unsigned.PayerEnvelopeBytes, scheme, topicValidation);
        if (!payer.IsValid)
        {
            return EnvelopeResult.Fail<ParsedOriginatorEnvelope>(payer.Error);
        }

        return EnvelopeResult.Ok(
            new ParsedOriginatorEnvelope(raw, unsignedBytes, unsigned, signature, signer, transactionHash, payer.Value));
    }

    private static EnvelopeResult<ParsedPayerEnvelope> FromPayer(
        ByteString raw, PayerEnvelope envelope, ISignatureScheme scheme, TopicValidation topicValidation)
    {
        var client = ParseClient(envelope.UnsignedClientEnvelope, topicValidation);
        if (!client.IsValid)
        {
            return EnvelopeResult.Fail<ParsedPayerEnvelope>(client.Error);
        }

        ByteString? signature = null;
        EthAddress? payer = null;
        if (envelope.PayerSignature is not null)
        {
            signature = envelope.PayerSignature.Bytes;
            // The envelope object its signer made, unchanged, is not recovered again: recovery would give the signer.
            if (!envelope.TryKnownSigner(scheme, out var recovered)
                && !scheme.TryRecoverAddress(Digests.Payer(envelope.TargetOriginator, envelope.UnsignedClientEnvelope.Span), signature.Span, out recovered))
            {
                return EnvelopeResult.Fail<ParsedPayerEnvelope>(
                    EnvelopeErrorCode.PayerSignatureInvalid,
                    $"could not recover signer: payer signature of {signature.Length} bytes does not recover to an address");
            }

            payer = recovered;
        }

        return EnvelopeResult.Ok(new ParsedPayerEnvelope(
            raw, envelope.TargetOriginator, envelope.MessageRetentionDays, signature, payer, client.Value)
        {
            DecodedUnder = ReplicaVerdict.Of(scheme, topicValidation, null),
        });
    }
}
