using SkiaSharp;
using XmtpSim.Actors.Journal;
using XmtpSim.Reports.Charts;
using XmtpSim.Tests.Shared;
using static XmtpSim.Checks.Tests.Histories;

namespace XmtpSim.Reports.Tests;

public sealed class ChartTests
{
    [Fact]
    public void Measures_every_chart_from_a_synthetic_history()
    {
        var (results, history, scenario) = Runs.Build(WithFaults());

        var charts = ChartBuilder.Build(results, history, scenario);

        Assert.Equal(
            ["latency-cdf.png", "latency-percentiles.png", "throughput.png", "replication-lag.png", "fee-distribution.png", "fees-over-time.png",
                "fees-by-payer.png", "fees-by-node.png", "congestion.png", "chain-block-fill.png", "chain-commit-latency.png"],
            charts.Select(c => c.FileName));
        Assert.All(charts, c => Assert.False(c.IsEmpty, c.FileName));
        Assert.All(charts, c => Assert.Contains("(", c.XLabel + c.YLabel, StringComparison.Ordinal));
        Assert.All(charts.Where(c => c.TimeAxis), c => Assert.Equal(4, c.Faults.Count));
        Assert.Equal(7, charts.Count(c => c.TimeAxis));

        var cdf = charts[0].Series.Single();
        Assert.Equal([100, 200, 250, 300], cdf.Xs);
        Assert.Equal([0.25, 0.5, 0.75, 1.0], cdf.Ys);

        var lag = charts.Single(c => c.FileName == "replication-lag.png");
        Assert.Equal(["node-100", "node-200", "node-300"], lag.Series.Select(s => s.Label));
        Assert.Equal([130.0, 130.0], lag.Series.Single(s => s.Label == "node-300").Ys);
        Assert.Equal([120.0], lag.Series.Single(s => s.Label == "node-200").Ys);

        var fees = charts.Single(c => c.FileName == "fee-distribution.png").Series.Single();
        Assert.Equal(2, fees.Ys.Sum());
        var byNode = charts.Single(c => c.FileName == "fees-by-node.png");
        Assert.Equal(["node-100", "node-200"], byNode.Categories);
        Assert.Equal([110.0, 100.0], byNode.Series.Single().Ys);

        var congestion = charts.Single(c => c.FileName == "congestion.png");
        Assert.Equal(scenario.Fees.TargetRatePerMinute, congestion.Lines.Single().Y);

        var commit = charts.Single(c => c.FileName == "chain-commit-latency.png");
        Assert.Equal([280.0], commit.Series[0].Ys);
        Assert.Equal([300.0], commit.Series[1].Ys);
    }

    [Fact]
    public void Time_series_are_binned_to_at_most_a_thousand_points()
    {
        Assert.Equal(new TimeBins(1_000_000_000, 13), TimeBins.For(12 * S));
        Assert.Equal(new TimeBins(120 * S, 721), TimeBins.For(86_400 * S));
        Assert.Equal(new TimeBins(60 * S, 1), TimeBins.For(12 * S, minSeconds: 60));
        Assert.All(new long[] { 1, 999 * S, 1000 * S, 86_400 * S, 30L * 86_400 * S }, end => Assert.InRange(TimeBins.For(end).Count, 1, TimeBins.MaxBins));
    }

    [Fact]
    public void A_chart_without_data_is_empty_and_says_why()
    {
        var (results, history, scenario) = Runs.Build(Good().Without(e => e is ChainTxEvent or ChainBlockEvent));

        var charts = ChartBuilder.Build(results, history, scenario);

        var fill = charts.Single(c => c.FileName == "chain-block-fill.png");
        Assert.True(fill.IsEmpty);
        Assert.Equal("No data: the app chain sealed no block.", fill.EmptyNote);
        Assert.Throws<ArgumentException>(() => ChartRenderer.RenderPng(fill));
    }

    [Fact]
    public void Fonts_come_from_the_shipped_files_regular_and_bold()
    {
        var regular = ChartFonts.Typeface(bold: false);
        var bold = ChartFonts.Typeface(bold: true);

        Assert.Equal("DejaVu Sans", regular.FamilyName);
        Assert.Equal("DejaVu Sans", bold.FamilyName);
        Assert.False(regular.IsBold);
        Assert.True(bold.IsBold);
    }

    [Fact]
    public void A_chart_has_text_pixels_in_its_title_area()
    {
        var (results, history, scenario) = Runs.Build(WithFaults());
        var chart = ChartBuilder.Build(results, history, scenario).Single(c => c.FileName == "latency-percentiles.png");

        using var bitmap = SKBitmap.Decode(ChartRenderer.RenderPng(chart));

        Assert.Equal((ChartRenderer.Width, ChartRenderer.Height), (bitmap.Width, bitmap.Height));
        // The title is centred in the top band, above the data area; count dark (text) pixels there.
        var dark = TitlePixels.Dark(bitmap);

        Assert.True(dark > 300, $"only {dark} dark pixels in the title band");
    }

    [Fact]
    public void The_same_chart_gives_the_same_png_bytes()
    {
        var (results, history, scenario) = Runs.Build(WithFaults());
        var charts = ChartBuilder.Build(results, history, scenario);

        foreach (var chart in charts)
        {
            Assert.True(ChartRenderer.RenderPng(chart).AsSpan().SequenceEqual(ChartRenderer.RenderPng(chart)), chart.FileName);
        }
    }

    [Fact]
    public void Latency_charts_use_a_log_axis_labelled_in_ms()
    {
        var (results, history, scenario) = Runs.Build(WithFaults());
        var charts = ChartBuilder.Build(results, history, scenario);

        Assert.True(charts.Single(c => c.FileName == "latency-cdf.png").LogX);
        Assert.True(charts.Single(c => c.FileName == "latency-percentiles.png").LogY);
        Assert.True(charts.Single(c => c.FileName == "replication-lag.png").LogY);
        Assert.All(charts.Where(c => c.LogX || c.LogY), c => Assert.Contains("(ms, log scale)", c.XLabel + c.YLabel, StringComparison.Ordinal));
        Assert.Equal(["0.01", "1", "10", "100", "1,000", "100,000"], new[] { -2.0, 0, 1, 2, 3, 5 }.Select(ChartRenderer.DecadeLabel));
    }

    [Fact]
    public void A_log_chart_with_a_spike_and_a_zero_still_renders()
    {
        // A 190 s partition-heal spike among ~50 ms latencies, and a 0 (no place on a log axis: left out).
        var chart = new ChartData("spike.png", "Spike", "", "simulated time (s)", "latency (ms, log scale)",
            [new ChartSeries("p99", [0, 1, 2, 3, 4], [50, 48, 190_000, 0, 52], SeriesStyle.Line)], "none")
        {
            LogY = true,
            TimeAxis = true,
            XMax = 5,
        };

        using var bitmap = SKBitmap.Decode(ChartRenderer.RenderPng(chart));

        Assert.Equal(ChartRenderer.Width, bitmap.Width);
        Assert.Throws<ArgumentException>(() => ChartRenderer.RenderPng(chart with
        {
            Series = [new ChartSeries("p99", [0], [1], SeriesStyle.Line) { YErrors = [0.5] }],
        }));
    }

    [Theory]
    [InlineData(4, 4)]
    [InlineData(1000, 4_361_608)] // a 90-minute mainnet-day run: point × (count − 1) passes int.MaxValue
    [InlineData(1000, int.MaxValue)]
    public void Cdf_points_span_the_sorted_values_from_minimum_to_maximum_at_any_count(int points, int count)
    {
        var ranks = Enumerable.Range(0, points).Select(i => ChartBuilder.CdfRank(i, points, count)).ToList();

        Assert.Equal(0, ranks[0]);
        Assert.Equal(count - 1, ranks[^1]);
        Assert.All(ranks.Zip(ranks.Skip(1)), pair => Assert.True(pair.First < pair.Second, $"{pair.First} then {pair.Second}"));
    }
}
