using XmtpSim.Checks.Results;

namespace XmtpSim.Simulation.Sweeps;

/// <summary>One finished run of a sweep: a row of <c>sweep.csv</c>.</summary>
/// <param name="Spec">Which point and seed.</param>
/// <param name="Results">The run's results model (what its summary.json holds).</param>
/// <param name="Figures">The values of <see cref="HeadlineFigures.All"/>, in that order (NaN when undefined).</param>
/// <param name="OutputDirectory">Where the run's own outputs went, or null when the sweep wrote none.</param>
public sealed record SweepRun(SweepRunSpec Spec, RunResults Results, IReadOnlyList<double> Figures, string? OutputDirectory)
{
    /// <summary>Whether every check of the run passed.</summary>
    public bool ChecksPassed => Results.AllChecksPassed;
}
