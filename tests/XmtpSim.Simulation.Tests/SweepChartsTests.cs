using SkiaSharp;
using XmtpSim.Reports.Charts;
using XmtpSim.Tests.Shared;
using XmtpSim.Simulation.Sweeps;

namespace XmtpSim.Simulation.Tests;

/// <summary>Sweep charts from synthetic results (no simulation runs): what is measured, what is drawn, what is embedded.</summary>
public sealed class SweepChartsTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "xmtpsim-sweepcharts-tests-" + Guid.NewGuid().ToString("N"));

    private static HeadlineFigure Fees => HeadlineFigures.All.Single(f => f.Name == "fees_total_picodollars");

    private static HeadlineFigure P99 => HeadlineFigures.All.Single(f => f.Name == "latency_ms_p99");

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    [Fact]
    public void Numeric_axis_with_several_seeds_has_means_and_interval_error_bars()
    {
        var results = Synthetic(["workload.retention_days=30,60,365"], seeds: 3);

        var chart = SweepCharts.Measure(results.Chart(Fees, 0), results.SeedsPerPoint);

        Assert.Equal("fees_total_picodollars-vs-workload.retention_days.png", chart.FileName);
        Assert.Equal("Fees charged, total vs workload.retention_days", chart.Title);
        Assert.Equal("Fees total (picodollars)", chart.YLabel);
        Assert.Empty(chart.Categories);
        Assert.False(chart.LogX);
        var series = Assert.Single(chart.Series);
        Assert.Equal([30.0, 60.0, 365.0], series.Xs);
        // Point i, seed s gives (i + 1) · 1000 + days + s: mean at s = 1, half-width t(0.975, 2) · 1 / √3.
        Assert.Equal([1031.0, 2061.0, 3366.0], series.Ys);
        Assert.NotNull(series.YErrors);
        Assert.All(series.YErrors, e => Assert.Equal(4.302652729911275 / Math.Sqrt(3), e, 9));
        Assert.Contains("95 % confidence interval", chart.Caption, StringComparison.Ordinal);
        Assert.Contains("2 degrees of freedom", chart.Caption, StringComparison.Ordinal);
    }

    [Fact]
    public void Categorical_axis_with_one_seed_has_no_error_bars_and_says_so()
    {
        var results = Synthetic(["workload.payload=small,large", "network.nodes=3,5"], seeds: 1);

        var chart = SweepCharts.Measure(results.Chart(Fees, 0), results.SeedsPerPoint);

        Assert.Equal(["small", "large"], chart.Categories);
        Assert.Equal(["network.nodes=3", "network.nodes=5"], chart.Series.Select(s => s.Label));
        Assert.All(chart.Series, s => Assert.Null(s.YErrors));
        // Two lines over categories are nudged apart symmetrically around each category.
        Assert.Equal(-chart.Series[0].Xs[0], chart.Series[1].Xs[0], 9);
        Assert.InRange(chart.Series[1].Xs[1], 1.0, 1.1);
        Assert.Contains("no confidence interval", chart.Caption, StringComparison.Ordinal);
        Assert.Contains("categories", chart.Caption, StringComparison.Ordinal);

        var bySize = SweepCharts.Measure(results.Chart(Fees, 1), results.SeedsPerPoint);
        Assert.Empty(bySize.Categories);
        Assert.Equal([3.0, 5.0], bySize.Series[0].Xs);
    }

    [Fact]
    public void A_numeric_axis_spanning_a_hundredfold_is_drawn_on_log_scale()
    {
        var results = Synthetic(["workload.message_bytes=256B,64KiB"], seeds: 2);

        var chart = SweepCharts.Measure(results.Chart(Fees, 0), results.SeedsPerPoint);

        Assert.True(chart.LogX);
        Assert.Equal("workload.message_bytes (bytes), log scale", chart.XLabel);
        Assert.Equal([256.0, 65536.0], chart.Series.Single().Xs);
    }

    [Fact]
    public void Y_labels_come_from_the_figure_names_with_readable_units()
    {
        string Label(string name) => SweepCharts.YLabel(HeadlineFigures.All.Single(f => f.Name == name));

        Assert.Equal("Latency p99 (ms)", Label("latency_ms_p99"));
        Assert.Equal("Cost per 100k messages ($)", Label("cost_per_100k_messages_dollars"));
        Assert.Equal("Cost per message (picodollars)", Label("cost_per_message_picodollars"));
        Assert.Equal("Delivered ratio", Label("delivered_ratio"));
        Assert.Equal("Congestion units mean (0..100)", Label("congestion_units_mean"));
        Assert.Equal("Offered rate vs target (ratio)", Label("offered_rate_vs_target"));
    }

    [Fact]
    public void Writes_a_png_per_chart_except_empty_ones_and_sweep_html_embeds_them()
    {
        // p99 latency undefined in every run: its chart is empty and draws nothing.
        var results = Synthetic(["workload.retention_days=30,60"], seeds: 2, undefined: P99);

        var paths = SweepOutput.WriteAll(_out, results, SweepCharts.Instance);

        var expected = HeadlineFigures.Charted.Where(f => f.Name != P99.Name).Select(f => $"{f.Name}-vs-workload.retention_days.png").Order(StringComparer.Ordinal);
        Assert.Equal(expected, Directory.GetFiles(Path.Combine(_out, SweepCharts.Folder)).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(HeadlineFigures.Charted.Count - 1 + 3, paths.Count);
        var md = File.ReadAllText(Path.Combine(_out, "sweep.md"));
        Assert.Contains("](charts/fees_total_picodollars-vs-workload.retention_days.png)", md, StringComparison.Ordinal);
        Assert.DoesNotContain("charts/latency_ms_p99", md, StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(_out, "sweep.html"));
        Assert.Equal(HeadlineFigures.Charted.Count - 1, html.Split("src=\"data:image/png;base64,").Length - 1);
        Assert.Contains("<p class=\"caption\">Mean over each point", html, StringComparison.Ordinal);
        Assert.DoesNotContain("charts/", html, StringComparison.Ordinal);

        var again = Path.Combine(_out, "again");
        SweepOutput.WriteAll(again, results, SweepCharts.Instance);
        var first = File.ReadAllBytes(Path.Combine(_out, "charts", "fees_total_picodollars-vs-workload.retention_days.png"));
        Assert.Equal(first, File.ReadAllBytes(Path.Combine(again, "charts", "fees_total_picodollars-vs-workload.retention_days.png")));
    }

    [Fact]
    public void A_sweep_chart_has_text_pixels_in_its_title_area()
    {
        var results = Synthetic(["workload.payload=small,medium,large", "network.nodes=3,5"], seeds: 2);

        using var bitmap = SKBitmap.Decode(ChartRenderer.RenderPng(SweepCharts.Measure(results.Chart(Fees, 0), results.SeedsPerPoint)));

        Assert.Equal((ChartRenderer.Width, ChartRenderer.Height), (bitmap.Width, bitmap.Height));
        var dark = TitlePixels.Dark(bitmap);

        Assert.True(dark > 300, $"only {dark} dark pixels in the title band");
    }

    /// <summary>
    /// A sweep's results without runs: seed s of point i gives every figure (i + 1) · 1000 + (first axis's numeric
    /// value, or 0) + s; <paramref name="undefined"/> is NaN everywhere.
    /// </summary>
    private static SweepResults Synthetic(string[] vary, int seeds, HeadlineFigure? undefined = null)
    {
        var axes = vary.Select(SweepAxis.Parse).ToList();
        IEnumerable<IReadOnlyList<string>> product = [[]];
        foreach (var axis in axes)
        {
            product = product.SelectMany(values => axis.Values.Select(v => (IReadOnlyList<string>)[.. values, v])).ToList();
        }

        var points = product.Select((values, i) => new SweepPoint(i, $"p{i + 1}", values)).ToList();
        var summaries = points.Select(p => new SweepPointSummary(p, [], [.. HeadlineFigures.All.Select(f =>
            Estimate.Of(Enumerable.Range(0, seeds).Select(s => f.Name == undefined?.Name
                ? double.NaN
                : ((p.Index + 1) * 1000) + (axes[0].NumericValue(p.Values[0]) ?? 0) + s)))])).ToList();
        return new SweepResults("synthetic", axes, seeds, HeadlineFigures.All, [], summaries);
    }
}
