namespace XmtpSim.Simulation.Sweeps;

/// <summary>Where a sweep stands, reported after each run finishes (from the thread that ran it).</summary>
/// <param name="RunsDone">Runs finished.</param>
/// <param name="RunsTotal">Runs in the sweep.</param>
/// <param name="PointsDone">Points whose every seed has finished.</param>
/// <param name="PointsTotal">Points in the sweep.</param>
public readonly record struct SweepProgress(int RunsDone, int RunsTotal, int PointsDone, int PointsTotal);
