using XmtpSim.Engine;
using XmtpSim.Protocol.Crypto;

namespace XmtpSim.Actors.Node;

/// <summary>A broadcast node's identity and xmtpd's timing constants (spec §6, §7, §12).</summary>
public sealed record NodeSettings
{
    /// <summary>The node's registry id (100, 200, …).</summary>
    public required uint NodeId { get; init; }

    /// <summary>Its signing key (registered in NodeRegistry).</summary>
    public required SigningKey Key { get; init; }

    /// <summary>Real or modeled signatures.</summary>
    public required ISignatureScheme Scheme { get; init; }

    /// <summary>
    /// Where the node's originator signatures are made: null on the actor's own thread, otherwise on this lane while
    /// the node goes on (the bytes are the same; see <see cref="SigningLane"/>).
    /// </summary>
    public SigningLane? SigningLane { get; init; }

    /// <summary>Virtual CPU cost of each signature and recovery.</summary>
    public required CryptoCosts Costs { get; init; }

    /// <summary>The app-chain sequencer this node indexes.</summary>
    public required ActorId AppChain { get; init; }

    /// <summary>The settlement chain holding NodeRegistry and RateRegistry.</summary>
    public required ActorId Settlement { get; init; }

    /// <summary>xmtpd's database poll for streaming (originator and receiver side), nanoseconds.</summary>
    public long PollIntervalNanos { get; init; } = 100 * SimTime.NanosPerMilli;

    /// <summary>Rows per replication or query page (xmtpd: 1000).</summary>
    public int PageLimit { get; init; } = 1000;

    /// <summary>Registry poll (NodeRegistry.getAllNodes), nanoseconds.</summary>
    public long RegistryRefreshNanos { get; init; } = 60 * SimTime.NanosPerSecond;

    /// <summary>First reconnect delay of a replication or indexer stream; doubles per failure up to <see cref="ReconnectMaxNanos"/>.</summary>
    public long ReconnectInitialNanos { get; init; } = SimTime.NanosPerSecond;

    /// <summary>Cap of the reconnect backoff, nanoseconds.</summary>
    public long ReconnectMaxNanos { get; init; } = 30 * SimTime.NanosPerSecond;

    /// <summary>How long a subscribe may go unanswered before it counts as failed (dial + first frame), nanoseconds.</summary>
    public long SubscribeTimeoutNanos { get; init; } = 5 * SimTime.NanosPerSecond;

    /// <summary>Empty keepalive frame after this much silence on a stream, nanoseconds.</summary>
    public long KeepaliveNanos { get; init; } = 30 * SimTime.NanosPerSecond;

    /// <summary>Publish latency inside the node: staging, the publish worker and the DB wait (xmtpd #1031: ~15 ms), nanoseconds.</summary>
    public long PublishLatencyNanos { get; init; } = 15 * SimTime.NanosPerMilli;
}
