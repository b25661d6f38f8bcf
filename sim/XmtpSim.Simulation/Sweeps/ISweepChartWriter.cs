namespace XmtpSim.Simulation.Sweeps;

/// <summary>
/// Draws a sweep's charts (one per <see cref="SweepResults.Charts"/> entry, or any subset) into its output folder.
/// <see cref="SweepOutput"/> links the images from <c>sweep.md</c> and embeds them in <c>sweep.html</c>. The default,
/// <see cref="NoSweepCharts"/>, draws nothing; <see cref="SweepCharts"/> draws PNGs with the reports project's renderer.
/// </summary>
public interface ISweepChartWriter
{
    /// <summary>Draws the charts of <paramref name="results"/> into <paramref name="directory"/>; returns what it wrote.</summary>
    IReadOnlyList<SweepChartImage> Write(SweepResults results, string directory);
}
