namespace XmtpSim.Simulation.Sweeps;

/// <summary>A chart a <see cref="ISweepChartWriter"/> drew.</summary>
/// <param name="Chart">What it shows.</param>
/// <param name="RelativePath">The image file, relative to the sweep's output folder, '/'-separated (e.g. <c>charts/x.png</c>).</param>
/// <param name="MediaType">The image's media type for embedding (e.g. <c>image/png</c>, <c>image/svg+xml</c>).</param>
public sealed record SweepChartImage(SweepChart Chart, string RelativePath, string MediaType)
{
    /// <summary>What the image shows (how y was estimated, intervals or not), printed under it; empty for none.</summary>
    public string Caption { get; init; } = "";
}
