namespace XmtpSim.Simulation.Sweeps;

/// <summary>A point's runs summarised: one <see cref="Estimate"/> per headline figure.</summary>
/// <param name="Point">The point.</param>
/// <param name="Runs">Its runs, in seed order.</param>
/// <param name="Figures">One estimate per <see cref="HeadlineFigures.All"/> figure, in that order.</param>
public sealed record SweepPointSummary(SweepPoint Point, IReadOnlyList<SweepRun> Runs, IReadOnlyList<Estimate> Figures)
{
    /// <summary>Runs of this point whose checks all passed.</summary>
    public int ChecksPassed => Runs.Count(r => r.ChecksPassed);
}
