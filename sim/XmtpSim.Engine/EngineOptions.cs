using XmtpSim.Engine.Network;

namespace XmtpSim.Engine;

/// <summary>How the engine runs.</summary>
public sealed record EngineOptions
{
    /// <summary>The run's one seed; every actor's stream derives from (seed, actor name).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>
    /// Threads that may handle the events of one instant in parallel. The outcome never depends on it:
    /// equal-time events are ordered by (time, destination, source, source's counter) and merged in that order.
    /// </summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>An instant with fewer events than this runs on one thread (fan-out costs more than it saves).</summary>
    public int ParallelThreshold { get; init; } = 64;

    /// <summary>The network model.</summary>
    public NetworkOptions Network { get; init; } = new();
}
