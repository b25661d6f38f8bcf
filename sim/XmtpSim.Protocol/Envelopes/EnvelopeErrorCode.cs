namespace XmtpSim.Protocol.Envelopes;

/// <summary>
/// Why an envelope was refused. Every code maps to gRPC <c>InvalidArgument</c> on the node API, as
/// xmtpd does; the code says which layer and which rule.
/// </summary>
public enum EnvelopeErrorCode
{
    /// <summary>The OriginatorEnvelope bytes are not valid protobuf.</summary>
    OriginatorEnvelopeMalformed = 1,

    /// <summary>unsigned_originator_envelope is not a valid UnsignedOriginatorEnvelope.</summary>
    UnsignedOriginatorEnvelopeMalformed,

    /// <summary>payer_envelope_bytes (or a published PayerEnvelope) is not a valid PayerEnvelope.</summary>
    PayerEnvelopeMalformed,

    /// <summary>unsigned_client_envelope is not a valid ClientEnvelope.</summary>
    ClientEnvelopeMalformed,

    /// <summary>The OriginatorEnvelope carries neither an originator signature nor a blockchain proof.</summary>
    MissingProof,

    /// <summary>The originator signature does not recover to any address (malformed, V not 0/1, off-curve).</summary>
    OriginatorSignatureInvalid,

    /// <summary>The originator signature recovers, but not to the expected node's address.</summary>
    OriginatorSignerMismatch,

    /// <summary>Blockchain proof whose transaction hash is not 32 bytes.</summary>
    BlockchainProofInvalid,

    /// <summary>Blockchain proof on an originator other than 0/1, or a payload that originator cannot carry.</summary>
    BlockchainOriginatorInvalid,

    /// <summary>A node-originated payer envelope without a payer signature.</summary>
    PayerSignatureMissing,

    /// <summary>The payer signature does not recover to any address.</summary>
    PayerSignatureInvalid,

    /// <summary>The payer signature recovers, but not to the expected payer (e.g. signed for another target).</summary>
    PayerSignerMismatch,

    /// <summary>target_originator is not the node that originates or receives the envelope.</summary>
    TargetOriginatorMismatch,

    /// <summary>The client envelope has no aad.</summary>
    MissingAuthenticatedData,

    /// <summary>aad.target_topic breaks a topic rule (length, kind, identifier size).</summary>
    InvalidTopic,

    /// <summary>The client envelope has no payload.</summary>
    MissingPayload,

    /// <summary>The payload is not the one the topic kind requires (spec §2.3).</summary>
    TopicPayloadMismatch,

    /// <summary>message_retention_days outside 2..365 and not 0xFFFFFFFF.</summary>
    RetentionOutOfRange,

    /// <summary>A gateway tried to publish to a reserved topic (payer reports or attestations).</summary>
    ReservedTopic,

    /// <summary>An identity update sent to a node; it belongs on the IdentityUpdateBroadcaster.</summary>
    IdentityUpdateBelongsOnChain,

    /// <summary>A commit or proposal sent to a node; it belongs on the GroupMessageBroadcaster.</summary>
    CommitBelongsOnChain,

    /// <summary>A group message whose MLS data the node cannot parse.</summary>
    GroupMessageUnparseable,
}
