namespace XmtpSim.Engine.Network;

/// <summary>The wire between actors.</summary>
public sealed record NetworkOptions
{
    /// <summary>Latency between two actors of the same or unspecified region pair.</summary>
    public ILatency DefaultLatency { get; init; } = ConstantLatency.Of(TimeSpan.FromMilliseconds(40));

    /// <summary>Latency per directed region pair (from, to), overriding <see cref="DefaultLatency"/>.</summary>
    public IReadOnlyDictionary<(int From, int To), ILatency> Between { get; init; } = new Dictionary<(int, int), ILatency>();

    /// <summary>
    /// Floor of every one-way delay, nanoseconds: nothing crosses the network faster (kernel + framing),
    /// and a distribution's rare near-zero samples do not become instantaneous messages.
    /// </summary>
    public long MinimumLatencyNanos { get; init; } = 100_000;

    /// <summary>Probability a message is lost once; TCP retransmits after an RTO (200 ms, doubling), so loss costs latency.</summary>
    public double Loss { get; init; }

    /// <summary>Probability a message is delivered twice (the protocol must be idempotent).</summary>
    public double Duplicate { get; init; }

    /// <summary>First retransmission timeout, nanoseconds.</summary>
    public long RetransmitTimeoutNanos { get; init; } = 200 * SimTime.NanosPerMilli;

    /// <summary>How long a stream crossing a new partition takes to notice it is dead (keepalive), nanoseconds.</summary>
    public long PartitionDetectionNanos { get; init; } = 30 * SimTime.NanosPerSecond;
}
