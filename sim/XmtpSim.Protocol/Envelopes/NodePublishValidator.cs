using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.Mls;
using XmtpSim.Protocol.Topics;
using XmtpSim.Protocol.Wire.Envelopes;

namespace XmtpSim.Protocol.Envelopes;

/// <summary>
/// What an originator checks on <c>PublishPayerEnvelopes</c> before stamping (xmtpd
/// <c>validatePayerEnvelope</c> and the publish loop; spec §5.4, §8.1, §3), in the node's order: parse,
/// target is this node, payer recovers, aad present and topic matches payload, retention, then the
/// routing rules: no reserved topics from gateways, no identity updates, no commits or proposals
/// (and group messages must be parseable MLS). The depends_on-vs-cursor check is separate (Cursors).
/// </summary>
public static class NodePublishValidator
{
    /// <summary>Validates one payer envelope of a publish request arriving at node <paramref name="nodeId"/>.</summary>
    /// <param name="fromGateway">True for the public API; false when the node publishes its own reports.</param>
    public static EnvelopeResult<ParsedPayerEnvelope> Validate(
        PayerEnvelope envelope,
        uint nodeId,
        ISignatureScheme scheme,
        bool fromGateway = true,
        TopicValidation topicValidation = TopicValidation.Strict)
    {
        var parsed = EnvelopeParser.ParsePayer(envelope, scheme, topicValidation);
        if (!parsed.IsValid)
        {
            return parsed;
        }

        var payer = parsed.Value;
        if (payer.TargetOriginator != nodeId)
        {
            return EnvelopeResult.Fail<ParsedPayerEnvelope>(
                EnvelopeErrorCode.TargetOriginatorMismatch,
                $"invalid target originator: envelope targets {payer.TargetOriginator}, this node is {nodeId}");
        }

        var signed = EnvelopeValidator.ValidatePayer(payer, scheme);
        if (!signed.IsValid)
        {
            return signed;
        }

        if (RetentionPolicy.Check(payer.RetentionDays) is { } retentionError)
        {
            return EnvelopeResult.Fail<ParsedPayerEnvelope>(retentionError);
        }

        var topic = payer.Client.Topic;
        if (fromGateway && topic.IsReserved)
        {
            return EnvelopeResult.Fail<ParsedPayerEnvelope>(
                EnvelopeErrorCode.ReservedTopic, $"reserved topics cannot be published to by gateways: {topic}");
        }

        if (topic.Kind == TopicKind.IdentityUpdatesV1)
        {
            return EnvelopeResult.Fail<ParsedPayerEnvelope>(
                EnvelopeErrorCode.IdentityUpdateBelongsOnChain, "identity updates must be published via the blockchain");
        }

        if (topic.Kind == TopicKind.GroupMessagesV1)
        {
            var messageClass = MlsFrame.Classify(payer.Client.Envelope.GroupMessage);
            if (messageClass == MlsMessageClass.Unparseable)
            {
                return EnvelopeResult.Fail<ParsedPayerEnvelope>(
                    EnvelopeErrorCode.GroupMessageUnparseable, "invalid group message: MLS data does not parse");
            }

            if (MlsFrame.BelongsOnChain(messageClass))
            {
                return EnvelopeResult.Fail<ParsedPayerEnvelope>(
                    EnvelopeErrorCode.CommitBelongsOnChain,
                    $"commit and proposal messages must be published via the blockchain (got {messageClass})");
            }
        }

        return EnvelopeResult.Ok(payer);
    }
}
