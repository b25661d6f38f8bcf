namespace XmtpSim.Scenarios.Faults;

/// <summary>
/// One scheduled fault (an item of <c>faults</c>). A closed set: <see cref="PartitionFault"/>,
/// <see cref="HealFault"/>, <see cref="CrashFault"/>, <see cref="LatencyFault"/>,
/// <see cref="ResetFault"/>, <see cref="ByzantineFault"/>. Faults are data; the engine's nemesis
/// plays them.
/// </summary>
public abstract record Fault
{
    private protected Fault(TimeSpan at, SourceLocation location)
    {
        At = at;
        Location = location;
    }

    /// <summary>Simulated time at which the fault starts (key <c>at</c>).</summary>
    public TimeSpan At { get; init; }

    /// <summary>Where the fault was written, for error messages and reports.</summary>
    public SourceLocation Location { get; init; }

    /// <summary>When the fault stops by itself, or null if it is instantaneous or lasts until something else ends it.</summary>
    public abstract TimeSpan? Until { get; }
}
