namespace XmtpSim.Simulation;

/// <summary>How to run a scenario (not part of the scenario: none of this changes the results).</summary>
public sealed record RunSettings
{
    /// <summary>Where outputs go; null writes nothing (tests).</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Threads for equal-time events; the journal hash is the same for any value.</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>
    /// Ask Linux for 2 MiB pages while the run simulates (<see cref="HugePages"/>): timing and resident memory only,
    /// never results.
    /// </summary>
    public bool HugePages { get; init; } = true;

    /// <summary>Progress: (simulated ns, events so far).</summary>
    public Action<long, long>? Progress { get; init; }
}
