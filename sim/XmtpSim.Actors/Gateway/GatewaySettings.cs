using XmtpSim.Engine;
using XmtpSim.Protocol.Crypto;

namespace XmtpSim.Actors.Gateway;

/// <summary>A payer service (xmtpd gateway): its payer key and the retry policy of spec §11.</summary>
public sealed record GatewaySettings
{
    /// <summary>The payer key that signs PayerEnvelopes; its address is the payer billed for usage.</summary>
    public required SigningKey PayerKey { get; init; }

    /// <summary>Real or modeled signatures.</summary>
    public required ISignatureScheme Scheme { get; init; }

    /// <summary>
    /// Where payer signatures are made: null on the actor's own thread, otherwise on this lane while the gateway
    /// goes on; the node waits for them on receipt (the bytes are the same; see <see cref="SigningLane"/>).
    /// </summary>
    public SigningLane? SigningLane { get; init; }

    /// <summary>Virtual CPU per signature.</summary>
    public required CryptoCosts Costs { get; init; }

    /// <summary>The app-chain sequencer (commits, proposals and identity updates go there).</summary>
    public required ActorId AppChain { get; init; }

    /// <summary>The settlement chain (NodeRegistry).</summary>
    public required ActorId Settlement { get; init; }

    /// <summary><c>message_retention_days</c> the gateway requests (xmtpd default 60).</summary>
    public uint RetentionDays { get; init; } = 60;

    /// <summary>Attempts per envelope across nodes (<c>envelope-publish-retries</c> = 5).</summary>
    public int PublishAttempts { get; init; } = 5;

    /// <summary>Per-attempt deadline (<c>envelope-publish-timeout</c> = 30 s), nanoseconds.</summary>
    public long PublishTimeoutNanos { get; init; } = 30 * SimTime.NanosPerSecond;

    /// <summary>How long to wait for a chain receipt before failing the envelope, nanoseconds.</summary>
    public long ChainTimeoutNanos { get; init; } = 60 * SimTime.NanosPerSecond;

    /// <summary>Registry poll, nanoseconds.</summary>
    public long RegistryRefreshNanos { get; init; } = 60 * SimTime.NanosPerSecond;
}
