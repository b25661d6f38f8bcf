using Google.Protobuf;
using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.Topics;
using XmtpSim.Protocol.Wire.Envelopes;

namespace XmtpSim.Protocol.Envelopes;

/// <summary>
/// Protocol checks on parsed envelopes, layer by layer. Each returns the same parsed value on success,
/// or a specific error; none throws for bad input.
/// </summary>
public static class EnvelopeValidator
{
    /// <summary>aad and payload present, and the payload is the one the topic kind requires (spec §2.3).</summary>
    public static EnvelopeResult<ParsedClientEnvelope> ValidateClient(ParsedClientEnvelope client)
    {
        if (client.PayloadKind == ClientEnvelope.PayloadOneofCase.None)
        {
            return EnvelopeResult.Fail<ParsedClientEnvelope>(EnvelopeErrorCode.MissingPayload, "client envelope has no payload");
        }

        if (!TopicPayloadRule.Matches(client.Topic.Kind, client.PayloadKind))
        {
            return EnvelopeResult.Fail<ParsedClientEnvelope>(
                EnvelopeErrorCode.TopicPayloadMismatch,
                $"topic does not match payload: {client.Topic.Kind.WireName()} requires " +
                $"{TopicPayloadRule.RequiredPayload(client.Topic.Kind)}, got {client.PayloadKind}");
        }

        return EnvelopeResult.Ok(client);
    }

    /// <summary>
    /// A node-bound payer envelope: signed, the client envelope consistent, and optionally bound to an
    /// expected target and payer. Because the target is inside the signed digest, checking a signature
    /// made for target A against target B recovers a different address and fails with
    /// <see cref="EnvelopeErrorCode.PayerSignerMismatch"/>.
    /// </summary>
    /// <param name="expectedTarget">Checked against target_originator and used for recovery; null to skip.</param>
    /// <param name="expectedPayer">The payer the signature must recover to; null to accept any signer.</param>
    public static EnvelopeResult<ParsedPayerEnvelope> ValidatePayer(
        ParsedPayerEnvelope payer, ISignatureScheme scheme, uint? expectedTarget = null, EthAddress? expectedPayer = null)
    {
        if (payer.Signature is null || payer.PayerAddress is null)
        {
            return EnvelopeResult.Fail<ParsedPayerEnvelope>(EnvelopeErrorCode.PayerSignatureMissing, "payer envelope is not signed");
        }

        if (expectedTarget is { } target)
        {
            if (expectedPayer is { } payerAddress)
            {
                var digest = Digests.Payer(target, payer.UnsignedClientEnvelope.Span);
                if (!scheme.TryRecoverAddress(digest, payer.Signature.Span, out var recovered) || recovered != payerAddress)
                {
                    return EnvelopeResult.Fail<ParsedPayerEnvelope>(
                        EnvelopeErrorCode.PayerSignerMismatch,
                        $"payer signature over target {target} does not recover to {payerAddress}");
                }
            }

            if (payer.TargetOriginator != target)
            {
                return EnvelopeResult.Fail<ParsedPayerEnvelope>(
                    EnvelopeErrorCode.TargetOriginatorMismatch,
                    $"invalid target originator: envelope targets {payer.TargetOriginator}, expected {target}");
            }
        }
        else if (expectedPayer is { } payerAddress && payer.PayerAddress != payerAddress)
        {
            return EnvelopeResult.Fail<ParsedPayerEnvelope>(
                EnvelopeErrorCode.PayerSignerMismatch, $"payer signature recovers to {payer.PayerAddress}, expected {payerAddress}");
        }

        var client = ValidateClient(payer.Client);
        return client.IsValid ? EnvelopeResult.Ok(payer) : EnvelopeResult.Fail<ParsedPayerEnvelope>(client.Error);
    }

    /// <summary>
    /// A stored or replicated envelope. Signed envelopes: the signer matches the expected node address
    /// (when given) and the payer envelope targets this originator. Blockchain envelopes: originator 0
    /// or 1, a 32-byte transaction hash, and the payload that broadcaster carries (group message / identity
    /// update). Both: the client envelope is consistent.
    /// </summary>
    /// <param name="expectedOriginatorSigner">The registry signer of the originator node; null to accept any signer.</param>
    /// <param name="expectedPayer">The payer the payer signature must recover to; null to accept any payer.</param>
    public static EnvelopeResult<ParsedOriginatorEnvelope> ValidateOriginator(
        ParsedOriginatorEnvelope envelope,
        ISignatureScheme scheme,
        EthAddress? expectedOriginatorSigner = null,
        EthAddress? expectedPayer = null)
    {
        if (envelope.IsBlockchainOriginated)
        {
            return ValidateChainOriginated(envelope);
        }

        if (ReservedOriginators.IsBlockchain(envelope.OriginatorNodeId))
        {
            return EnvelopeResult.Fail<ParsedOriginatorEnvelope>(
                EnvelopeErrorCode.BlockchainOriginatorInvalid,
                $"originator {envelope.OriginatorNodeId} is a blockchain originator and needs a blockchain proof, not a signature");
        }

        if (expectedOriginatorSigner is { } node && envelope.OriginatorSigner != node)
        {
            return EnvelopeResult.Fail<ParsedOriginatorEnvelope>(
                EnvelopeErrorCode.OriginatorSignerMismatch,
                $"originator signature recovers to {envelope.OriginatorSigner}, expected node {envelope.OriginatorNodeId} signer {node}");
        }

        var payer = ValidatePayer(envelope.Payer, scheme, envelope.OriginatorNodeId, expectedPayer);
        return payer.IsValid ? EnvelopeResult.Ok(envelope) : EnvelopeResult.Fail<ParsedOriginatorEnvelope>(payer.Error);
    }

    /// <summary>Parses then validates serialized OriginatorEnvelope bytes in one step.</summary>
    public static EnvelopeResult<ParsedOriginatorEnvelope> ParseAndValidateOriginator(
        ByteString bytes,
        ISignatureScheme scheme,
        EthAddress? expectedOriginatorSigner = null,
        EthAddress? expectedPayer = null,
        TopicValidation topicValidation = TopicValidation.Strict)
    {
        var parsed = EnvelopeParser.ParseOriginator(bytes, scheme, topicValidation);
        return parsed.IsValid ? ValidateOriginator(parsed.Value, scheme, expectedOriginatorSigner, expectedPayer) : parsed;
    }

    private static EnvelopeResult<ParsedOriginatorEnvelope> ValidateChainOriginated(ParsedOriginatorEnvelope envelope)
    {
        if (envelope.TransactionHash!.Length != EnvelopeSigner.TransactionHashSize)
        {
            return EnvelopeResult.Fail<ParsedOriginatorEnvelope>(
                EnvelopeErrorCode.BlockchainProofInvalid,
                $"transaction hash must be {EnvelopeSigner.TransactionHashSize} bytes, got {envelope.TransactionHash.Length}");
        }

        var requiredKind = envelope.OriginatorNodeId switch
        {
            ReservedOriginators.GroupMessages => TopicKind.GroupMessagesV1,
            ReservedOriginators.IdentityUpdates => TopicKind.IdentityUpdatesV1,
            _ => (TopicKind?)null,
        };
        if (requiredKind is null)
        {
            return EnvelopeResult.Fail<ParsedOriginatorEnvelope>(
                EnvelopeErrorCode.BlockchainOriginatorInvalid,
                $"blockchain proof on originator {envelope.OriginatorNodeId}; only 0 and 1 are blockchain originators");
        }

        if (envelope.Topic.Kind != requiredKind)
        {
            return EnvelopeResult.Fail<ParsedOriginatorEnvelope>(
                EnvelopeErrorCode.BlockchainOriginatorInvalid,
                $"originator {envelope.OriginatorNodeId} carries only {requiredKind.Value.WireName()}, got {envelope.Topic.Kind.WireName()}");
        }

        var client = ValidateClient(envelope.Client);
        return client.IsValid ? EnvelopeResult.Ok(envelope) : EnvelopeResult.Fail<ParsedOriginatorEnvelope>(client.Error);
    }
}
