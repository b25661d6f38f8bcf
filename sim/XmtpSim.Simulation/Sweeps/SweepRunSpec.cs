using XmtpSim.Scenarios;

namespace XmtpSim.Simulation.Sweeps;

/// <summary>One run of a sweep: a point, one of its seeds, and the scenario with every override applied.</summary>
/// <param name="Index">0-based run index: point-major, then seed (the row order of <c>sweep.csv</c>).</param>
/// <param name="Point">The point.</param>
/// <param name="SeedIndex">0-based seed index i; the seed is the point's scenario seed + i.</param>
/// <param name="Scenario">The scenario to run (its <see cref="Scenario.Seed"/> is the run's seed).</param>
public sealed record SweepRunSpec(int Index, SweepPoint Point, int SeedIndex, Scenario Scenario)
{
    /// <summary>The run's seed.</summary>
    public long Seed => Scenario.Seed;

    /// <summary>The run's output folder name under <c>runs/</c>: <c>&lt;point&gt;-seed&lt;seed&gt;</c>.</summary>
    public string FolderName => $"{Point.Name}-seed{Seed}";
}
