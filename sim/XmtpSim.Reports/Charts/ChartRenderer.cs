using System.Globalization;
using ScottPlot;

namespace XmtpSim.Reports.Charts;

/// <summary>
/// Draws a measured <see cref="ChartData"/> into a PNG with ScottPlot (the "draw" half): shipped fonts only,
/// labelled axes with units, a legend, and fault windows shaded and labelled on time charts.
/// </summary>
public static class ChartRenderer
{
    /// <summary>Width of every chart, pixels.</summary>
    public const int Width = 960;

    /// <summary>Height of every chart, pixels.</summary>
    public const int Height = 480;

    private static readonly Color[] Palette =
    [
        Color.FromHex("#1f77b4"), Color.FromHex("#d62728"), Color.FromHex("#2ca02c"), Color.FromHex("#9467bd"),
        Color.FromHex("#8c564b"), Color.FromHex("#e377c2"), Color.FromHex("#17becf"), Color.FromHex("#bcbd22"),
        Color.FromHex("#7f7f7f"), Color.FromHex("#ff7f0e"),
    ];

    /// <summary>The chart as PNG bytes; throws for an empty chart (the report prints its note instead).</summary>
    public static byte[] RenderPng(ChartData chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (chart.IsEmpty)
        {
            throw new ArgumentException($"Chart {chart.FileName} has no data: {chart.EmptyNote}", nameof(chart));
        }

        ChartFonts.Register();
        using var plot = new Plot();
        plot.Font.Set(ChartFonts.Family);
        plot.Title(chart.Title, size: 18);
        plot.XLabel(chart.XLabel, size: 14);
        plot.YLabel(chart.YLabel, size: 14);
        plot.Axes.Title.Label.FontName = ChartFonts.Family;
        plot.Axes.Title.Label.Bold = true;

        var colour = 0;
        var legendItems = 0;
        foreach (var series in chart.Series.Where(s => s.Count > 0))
        {
            var color = Palette[colour++ % Palette.Length];
            var (xs, ys, errors) = Placed(chart, series);
            if (xs.Length == 0)
            {
                continue;
            }

            IHasLegendText plottable;
            if (series.Style == SeriesStyle.Bars)
            {
                var bars = plot.Add.Bars(xs, ys);
                bars.Color = color;
                foreach (var bar in bars.Bars)
                {
                    bar.Size = chart.BarWidth;
                    bar.LineWidth = 0;
                }

                plottable = bars;
            }
            else
            {
                var scatter = plot.Add.Scatter(xs, ys, color);
                scatter.LineWidth = series.Style == SeriesStyle.Markers ? 0 : 2;
                scatter.MarkerSize = series.Style switch
                {
                    SeriesStyle.Markers => 5,
                    SeriesStyle.LineAndMarkers => 8,
                    _ => xs.Length == 1 ? 5 : 0,
                };
                if (series.Style == SeriesStyle.Step)
                {
                    scatter.ConnectStyle = ConnectStyle.StepHorizontal;
                }

                if (series.RightAxis)
                {
                    scatter.Axes.YAxis = plot.Axes.Right;
                }

                plottable = scatter;
            }

            if (errors is not null)
            {
                var bars = plot.Add.ErrorBar(xs, ys, errors);
                bars.Color = color;
                bars.LineWidth = 1.5f;
                bars.CapSize = 8;
                if (series.RightAxis)
                {
                    bars.Axes.YAxis = plot.Axes.Right;
                }
            }

            if (chart.Series.Count > 1 && chart.Series.Count <= 12)
            {
                plottable.LegendText = series.Label;
                legendItems++;
            }
        }

        foreach (var line in chart.Lines.Where(l => !chart.LogY || l.Y > 0))
        {
            var reference = plot.Add.HorizontalLine(chart.LogY ? Math.Log10(line.Y) : line.Y, 2, Colors.Black, LinePattern.Dashed);
            reference.LegendText = line.Label;
            legendItems++;
        }

        if (chart.Y2Label is not null && chart.Series.Any(s => s.RightAxis))
        {
            plot.Axes.Right.Label.Text = chart.Y2Label;
            plot.Axes.Right.Label.FontSize = 14;
            plot.Axes.Right.Label.FontName = ChartFonts.Family;
        }

        if (chart.Categories.Count > 0)
        {
            var positions = Enumerable.Range(0, chart.Categories.Count).Select(i => (double)i).ToArray();
            plot.Axes.Bottom.SetTicks(positions, [.. chart.Categories]);
            plot.Axes.Bottom.TickLabelStyle.Rotation = chart.Categories.Count > 6 ? 45 : 0;
            plot.Axes.Bottom.TickLabelStyle.Alignment = chart.Categories.Count > 6 ? Alignment.MiddleLeft : Alignment.UpperCenter;
            plot.Axes.Bottom.MinimumSize = chart.Categories.Count > 6 ? 90 : 0;
        }

        if (chart.Series.Any(s => s.Style == SeriesStyle.Bars))
        {
            plot.Axes.Margins(bottom: 0);
        }

        plot.Axes.AutoScale();
        if (chart.Categories.Count > 0 && chart.Series.All(s => s.Style != SeriesStyle.Bars))
        {
            plot.Axes.SetLimitsX(-0.5, chart.Categories.Count - 0.5);
        }

        if (chart.LogX || chart.LogY)
        {
            LogAxes(plot, chart);
        }

        if (chart.TimeAxis)
        {
            var limits = plot.Axes.GetLimits();
            plot.Axes.SetLimitsX(0, Math.Max(limits.Right, chart.XMax));
            legendItems += DrawFaults(plot, chart.Faults);
        }

        if (legendItems > 0)
        {
            plot.ShowLegend(Edge.Bottom);
            plot.Legend.FontName = ChartFonts.Family;
            plot.Legend.FontSize = 12;
        }

        plot.Font.Set(ChartFonts.Family);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>
    /// The points of <paramref name="series"/> as drawn: on a log axis, log10 of the value, leaving out values ≤ 0
    /// (they have no place on it); error half-widths kept only when some point has one.
    /// </summary>
    private static (double[] Xs, double[] Ys, double[]? Errors) Placed(ChartData chart, ChartSeries series)
    {
        if (series.YErrors is { } e && (chart.LogY || e.Length != series.Count))
        {
            throw new ArgumentException($"Chart {chart.FileName}: error bars need a linear y axis and one half-width per point", nameof(chart));
        }

        var xs = new List<double>(series.Count);
        var ys = new List<double>(series.Count);
        var errors = new List<double>(series.Count);
        for (var i = 0; i < series.Count; i++)
        {
            double x = series.Xs[i], y = series.Ys[i];
            if ((chart.LogX && !(x > 0)) || (chart.LogY && !(y > 0)))
            {
                continue;
            }

            xs.Add(chart.LogX ? Math.Log10(x) : x);
            ys.Add(chart.LogY ? Math.Log10(y) : y);
            errors.Add(series.YErrors?[i] ?? 0);
        }

        return ([.. xs], [.. ys], errors.Any(v => v > 0) ? [.. errors] : null);
    }

    /// <summary>
    /// Log10 axes: whole decades as labelled major ticks (in the data's unit, e.g. 10, 100, 1,000 ms), log-spaced
    /// unlabelled minor ticks and faint grid lines between, and limits widened to whole decades so at least two
    /// labelled ticks show whatever the range.
    /// </summary>
    private static void LogAxes(Plot plot, ChartData chart)
    {
        plot.Grid.MinorLineWidth = 1;
        plot.Grid.MinorLineColor = Colors.Black.WithOpacity(0.06);
        var limits = plot.Axes.GetLimits();
        if (chart.LogX)
        {
            plot.Axes.Bottom.TickGenerator = LogTicks();
            plot.Axes.Right.MinimumSize = 40; // room for the last decade's label, which sits on the right edge
            var (left, right) = Decades(limits.Left, limits.Right);
            plot.Axes.SetLimitsX(left, right);
        }

        if (chart.LogY)
        {
            plot.Axes.Left.TickGenerator = LogTicks();
            var (bottom, top) = Decades(limits.Bottom, limits.Top);
            plot.Axes.SetLimitsY(bottom, top);
        }
    }

    private static ScottPlot.TickGenerators.NumericAutomatic LogTicks() => new()
    {
        MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = DecadeLabel,
    };

    /// <summary>The label of the tick at log10 value <paramref name="exponent"/>: the plain number, e.g. 0.01, 100, 10,000.</summary>
    internal static string DecadeLabel(double exponent)
    {
        var value = Math.Pow(10, Math.Round(exponent));
        return value is >= 1e-3 and < 1e9
            ? value.ToString("#,0.###", CultureInfo.InvariantCulture)
            : value.ToString("0e0", CultureInfo.InvariantCulture);
    }

    private static (double Low, double High) Decades(double low, double high)
    {
        var floor = Math.Floor(low);
        var ceiling = Math.Ceiling(high);
        return (floor, ceiling > floor ? ceiling : floor + 1);
    }

    /// <summary>Shades each fault window (a line for instants) with its label at the top; returns legend entries added.</summary>
    private static int DrawFaults(Plot plot, IReadOnlyList<FaultWindow> faults)
    {
        if (faults.Count == 0)
        {
            return 0;
        }

        var limits = plot.Axes.GetLimits();
        var left = Math.Min(limits.Left, faults.Min(f => f.StartSeconds));
        var right = Math.Max(limits.Right, faults.Max(f => f.EndSeconds));
        var top = limits.Top;
        var bottom = limits.Bottom;
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        var row = 0;
        foreach (var fault in faults)
        {
            var color = FaultColor(fault.Kind);
            var legend = kinds.Add(fault.Kind) ? fault.Kind : null;
            if (fault.IsInstant)
            {
                var line = plot.Add.VerticalLine(fault.StartSeconds, 1.5f, color.WithAlpha(0.8), LinePattern.Dotted);
                if (legend is not null)
                {
                    line.LegendText = legend;
                }
            }
            else
            {
                var span = plot.Add.HorizontalSpan(fault.StartSeconds, fault.EndSeconds, color.WithAlpha(0.18));
                span.LineStyle.Width = 0;
                if (legend is not null)
                {
                    span.LegendText = legend;
                }
            }

            // Labels stagger down from the top so overlapping windows stay readable.
            var y = top - ((top - bottom) * (0.04 + (0.07 * (row++ % 4))));
            var text = plot.Add.Text(fault.Label, fault.StartSeconds, y);
            text.LabelFontName = ChartFonts.Family;
            text.LabelFontSize = 11;
            text.LabelFontColor = color.Darken(0.4);
            text.LabelAlignment = Alignment.UpperLeft;
            text.LabelBackgroundColor = Colors.White.WithAlpha(0.7);
        }

        plot.Axes.SetLimitsX(left, right);
        plot.Axes.SetLimitsY(bottom, top);
        return kinds.Count;
    }

    private static Color FaultColor(string kind) => kind switch
    {
        "partition" => Color.FromHex("#ff7f0e"),
        "block" => Color.FromHex("#bcbd22"),
        "crash" => Color.FromHex("#d62728"),
        "latency" => Color.FromHex("#9467bd"),
        "byzantine" => Color.FromHex("#8c564b"),
        _ => Color.FromHex("#7f7f7f"),
    };
}
