using System.Globalization;
using XmtpSim.Reports.Charts;

namespace XmtpSim.Simulation.Sweeps;

/// <summary>
/// Draws a sweep's charts as PNGs with the reports project's ScottPlot renderer (shipped fonts): one per
/// <see cref="SweepResults.Charts"/> entry, written to <c>charts/&lt;figure&gt;-vs-&lt;key&gt;.png</c>. x is the varied
/// key (a numeric axis for numbers, sizes and durations, log10 when the values span 100× or more; categories in option
/// order otherwise), y the figure's mean per point with its 95 % confidence interval as error bars (none when K = 1,
/// and the caption says so), one line per combination of the other keys' values. A chart whose figure is undefined at
/// every point writes no file. Lives here, not in the reports project, because the reports project may not see the
/// sweep model (the simulation project references it, not the other way round).
/// </summary>
public sealed class SweepCharts : ISweepChartWriter
{
    /// <summary>The folder, under the sweep's output folder, that holds the images.</summary>
    public const string Folder = "charts";

    /// <summary>A numeric axis whose largest value is at least this many times its smallest is drawn on log10.</summary>
    public const double LogSpan = 100;

    private static readonly string[] UnitWords = ["picodollars", "dollars", "ms"];

    /// <summary>The one instance.</summary>
    public static SweepCharts Instance { get; } = new();

    /// <inheritdoc />
    public IReadOnlyList<SweepChartImage> Write(SweepResults results, string directory)
    {
        ArgumentNullException.ThrowIfNull(results);
        var images = new List<SweepChartImage>();
        foreach (var chart in results.Charts())
        {
            var data = Measure(chart, results.SeedsPerPoint);
            if (data.IsEmpty)
            {
                continue;
            }

            var folder = Path.Combine(directory, Folder);
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, data.FileName), ChartRenderer.RenderPng(data));
            images.Add(new SweepChartImage(chart, $"{Folder}/{data.FileName}", "image/png") { Caption = data.Caption });
        }

        return images;
    }

    /// <summary>What to draw for <paramref name="chart"/> of a sweep with <paramref name="seedsPerPoint"/> seeds per point.</summary>
    public static ChartData Measure(SweepChart chart, int seedsPerPoint)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var categorical = chart.Scale == SweepAxisScale.Categorical;
        var log = !categorical && IsWide(chart);
        var count = chart.Series.Count;
        var series = chart.Series
            .Select((s, i) =>
            {
                var points = s.Points.Where(p => p.Estimate.N > 0 && double.IsFinite(p.Estimate.Mean)).ToList();
                // Several lines over categories are nudged apart a little so their error bars do not hide each other.
                var nudge = categorical && count > 1 ? (i - ((count - 1) / 2.0)) * Math.Min(0.08, 0.5 / count) : 0;
                var errors = points.Select(p => p.Estimate.HalfWidth).ToArray();
                return new ChartSeries(
                    s.Label.Length == 0 ? chart.Figure.Title : s.Label,
                    [.. points.Select(p => categorical ? p.Category + nudge : p.X!.Value)],
                    [.. points.Select(p => p.Estimate.Mean)],
                    SeriesStyle.LineAndMarkers)
                {
                    YErrors = errors.Any(e => e > 0) ? errors : null,
                };
            })
            .ToList();
        return new ChartData(
            $"{chart.Id}.png",
            $"{chart.Figure.Title} vs {chart.Axis.Key}",
            Caption(chart, seedsPerPoint, categorical, log),
            log ? $"{chart.XLabel}, log scale" : chart.XLabel,
            YLabel(chart.Figure),
            series,
            $"No data: {chart.Figure.Name} is undefined at every point.")
        {
            Categories = categorical ? chart.Axis.Values : [],
            LogX = log,
        };
    }

    /// <summary>
    /// A y-axis label from the figure's column name with its unit in parentheses, e.g.
    /// <c>cost_per_100k_messages_dollars</c> → "Cost per 100k messages ($)", <c>latency_ms_p99</c> → "Latency p99 (ms)".
    /// </summary>
    public static string YLabel(HeadlineFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var words = figure.Name.Split('_', StringSplitOptions.RemoveEmptyEntries).Where(w => !UnitWords.Contains(w, StringComparer.Ordinal)).ToList();
        var unit = figure.Unit.Trim();
        var space = unit.IndexOf(' ', StringComparison.Ordinal);
        var first = space < 0 ? unit : unit[..space];
        if (words.Contains(first, StringComparer.Ordinal))
        {
            unit = space < 0 ? "" : unit[(space + 1)..].Trim();
        }

        var text = string.Join(' ', words);
        text = text.Length == 0 ? figure.Title : char.ToUpperInvariant(text[0]) + text[1..];
        return unit.Length == 0 ? text : unit.StartsWith('(') ? $"{text} {unit}" : $"{text} ({unit})";
    }

    private static bool IsWide(SweepChart chart)
    {
        var xs = chart.Series.SelectMany(s => s.Points).Select(p => p.X ?? 0).ToList();
        return xs.Count > 0 && xs.All(x => x > 0) && xs.Max() >= LogSpan * xs.Min();
    }

    private static string Caption(SweepChart chart, int seedsPerPoint, bool categorical, bool log)
    {
        var c = CultureInfo.InvariantCulture;
        var points = chart.Series.SelectMany(s => s.Points).ToList();
        var parts = new List<string>
        {
            seedsPerPoint >= 2
                ? string.Create(c, $"Mean over each point's {seedsPerPoint} seeds; error bars are the 95 % confidence interval for the mean (Student's t, {seedsPerPoint - 1} degree{(seedsPerPoint == 2 ? "" : "s")} of freedom).")
                : "One seed per point, so each marker is a single run's value with no confidence interval (use --seeds K with K ≥ 2 for error bars).",
        };
        if (seedsPerPoint >= 2 && points.Any(p => p.Estimate.HasInterval && p.Estimate.HalfWidth == 0))
        {
            parts.Add("Where the figure was the same in every seed the interval has zero width and no bar shows.");
        }

        if (seedsPerPoint >= 2 && points.Any(p => p.Estimate.N == 1))
        {
            parts.Add("A point with a value from only one seed has no interval.");
        }

        if (chart.Series.Count > 1)
        {
            parts.Add("One line per combination of the other varied keys" + (categorical ? ", nudged apart slightly on x so their bars stay visible." : "."));
        }

        if (categorical)
        {
            parts.Add($"{chart.Axis.Key} values are categories, in the order given.");
        }
        else if (log)
        {
            parts.Add($"{chart.Axis.Key} is on a log scale (its values span {LogSpan.ToString("0", c)}× or more).");
        }

        if (points.Any(p => p.Estimate.N == 0 || !double.IsFinite(p.Estimate.Mean)))
        {
            parts.Add("Points where the figure is undefined in every run are left out.");
        }

        return string.Join(' ', parts);
    }
}
