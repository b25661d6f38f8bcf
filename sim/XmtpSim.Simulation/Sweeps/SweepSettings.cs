namespace XmtpSim.Simulation.Sweeps;

/// <summary>How to run a sweep (none of this changes any run's results).</summary>
public sealed record SweepSettings
{
    /// <summary>The sweep's output folder; each run writes its own outputs to <c>runs/&lt;point&gt;-seed&lt;seed&gt;/</c> under it. Null writes nothing.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Runs at once (each run itself single-threaded); default the processor count.</summary>
    public int MaxParallelRuns { get; init; } = Environment.ProcessorCount;

    /// <summary>Called after each run, possibly from several threads (never concurrently).</summary>
    public Action<SweepProgress>? Progress { get; init; }
}
