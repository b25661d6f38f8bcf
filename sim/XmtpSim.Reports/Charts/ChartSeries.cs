namespace XmtpSim.Reports.Charts;

/// <summary>One series of a chart, already downsampled for drawing.</summary>
/// <param name="Label">Legend text.</param>
/// <param name="Xs">X values.</param>
/// <param name="Ys">Y values, same length.</param>
/// <param name="Style">How it is drawn.</param>
/// <param name="RightAxis">Drawn against the right-hand y axis.</param>
public sealed record ChartSeries(string Label, double[] Xs, double[] Ys, SeriesStyle Style, bool RightAxis = false)
{
    /// <summary>
    /// Symmetric error half-widths per point (same length as <see cref="Ys"/>; drawn as error bars, 0 draws none), or
    /// null. Not allowed on a <see cref="ChartData.LogY"/> chart.
    /// </summary>
    public double[]? YErrors { get; init; }

    /// <summary>Points in the series.</summary>
    public int Count => Xs.Length;
}
