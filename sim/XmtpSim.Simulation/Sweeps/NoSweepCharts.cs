namespace XmtpSim.Simulation.Sweeps;

/// <summary>The default chart writer: no charts (sweep.md and sweep.html then hold the tables only).</summary>
public sealed class NoSweepCharts : ISweepChartWriter
{
    /// <summary>The one instance.</summary>
    public static NoSweepCharts Instance { get; } = new();

    /// <inheritdoc />
    public IReadOnlyList<SweepChartImage> Write(SweepResults results, string directory) => [];
}
