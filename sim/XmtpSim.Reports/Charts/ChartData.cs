namespace XmtpSim.Reports.Charts;

/// <summary>
/// Everything needed to draw one chart, measured from a run's results (the "measure" half of measure-then-draw):
/// titles, axis labels with units, series, reference lines, fault windows for time charts, and why it is empty.
/// </summary>
/// <param name="FileName">PNG file name.</param>
/// <param name="Title">Chart title.</param>
/// <param name="Caption">One sentence for the report saying what the chart shows.</param>
/// <param name="XLabel">X axis label with unit.</param>
/// <param name="YLabel">Left y axis label with unit.</param>
/// <param name="Series">Series to draw.</param>
/// <param name="EmptyNote">What the report says instead of the chart when no series has a point.</param>
public sealed record ChartData(string FileName, string Title, string Caption, string XLabel, string YLabel, IReadOnlyList<ChartSeries> Series, string EmptyNote)
{
    /// <summary>Right y axis label with unit, when a series uses it.</summary>
    public string? Y2Label { get; init; }

    /// <summary>Horizontal reference lines.</summary>
    public IReadOnlyList<ReferenceLine> Lines { get; init; } = [];

    /// <summary>True when the x axis is simulated time (fault windows are shaded).</summary>
    public bool TimeAxis { get; init; }

    /// <summary>Right end of a time chart's x axis, seconds (the run's end), so every time chart spans the same range.</summary>
    public double XMax { get; init; }

    /// <summary>Fault windows shaded and labelled (time charts only).</summary>
    public IReadOnlyList<FaultWindow> Faults { get; init; } = [];

    /// <summary>Category names for a bar chart's x ticks (x = 0, 1, 2 …), else empty.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Bar width in x units for <see cref="SeriesStyle.Bars"/>.</summary>
    public double BarWidth { get; init; } = 0.8;

    /// <summary>
    /// Log10 x axis: data drawn as log10(x), ticks at whole decades labelled in the data's unit, minor ticks between.
    /// Points with x ≤ 0 cannot be placed and are left out.
    /// </summary>
    public bool LogX { get; init; }

    /// <summary>Log10 left y axis, as <see cref="LogX"/> (points with y ≤ 0 are left out).</summary>
    public bool LogY { get; init; }

    /// <summary>True when there is nothing to draw.</summary>
    public bool IsEmpty => Series.All(s => s.Count == 0);
}
