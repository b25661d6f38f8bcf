using XmtpSim.Scenarios;
using XmtpSim.Simulation.Sweeps;

namespace XmtpSim.Simulation.Tests;

public sealed class SweepTests
{
    /// <summary>The small scenario cut to a few seconds of workload so a 2 × 2 sweep stays fast.</summary>
    private const string Tiny = """
        name: tiny
        seed: 11
        duration: 20s
        drain: 10s
        crypto: modeled
        network:
          nodes: 2
          gateways: 1
          latency: { dist: lognormal, median: 30ms, p99: 120ms }
        workload:
          clients: 12
          groups: 3
          group_size: { dist: uniform, min: 2, max: 4 }
          message_rate_per_client: 0.1
          message_bytes: 300B
          commit_rate_per_group: 0
        checks:
          - no_loss
          - causal_order
        """;

    [Fact]
    public void Vary_values_split_on_top_level_commas_only()
    {
        var axis = SweepAxis.Parse("workload.message_bytes={dist: constant, value: 512B}, 1KiB,[1, 2],'a,b'");

        Assert.Equal("workload.message_bytes", axis.Key);
        Assert.Equal(["{dist: constant, value: 512B}", "1KiB", "[1, 2]", "'a,b'"], axis.Values);
        Assert.Equal(SweepAxisScale.Categorical, axis.Scale);
    }

    [Theory]
    [InlineData("=1,2")]
    [InlineData("network.nodes")]
    [InlineData("network.nodes=3,,5")]
    [InlineData("network.nodes=3,3")]
    [InlineData("workload.message_bytes={dist: constant, value: 5B")]
    public void Malformed_vary_options_are_errors_naming_the_option(string option)
    {
        var ex = Assert.Throws<ScenarioException>(() => SweepAxis.Parse(option));

        Assert.Equal($"--vary {option}", Assert.Single(ex.Errors).File);
    }

    [Theory]
    [InlineData("network.nodes=3,5,7", SweepAxisScale.Number, 5.0)]
    [InlineData("workload.message_bytes=256B,1KiB,4KiB", SweepAxisScale.Bytes, 1024.0)]
    [InlineData("duration=30s,1m,2m", SweepAxisScale.Seconds, 60.0)]
    public void Axis_values_that_parse_as_numbers_sizes_or_durations_are_numeric(string option, SweepAxisScale scale, double second)
    {
        var axis = SweepAxis.Parse(option);

        Assert.Equal(scale, axis.Scale);
        Assert.Equal(second, axis.NumericValue(axis.Values[1]));
    }

    [Fact]
    public void Plan_is_the_cross_product_first_axis_slowest_with_consecutive_seeds()
    {
        var plan = SweepPlan.Create(
            Tiny, "tiny.yaml", [], [SweepAxis.Parse("network.nodes=2,3"), SweepAxis.Parse("workload.retention_days=30,60,365")], seeds: 2);

        Assert.Equal(6, plan.Points.Count);
        Assert.Equal(12, plan.Runs.Count);
        Assert.Equal(["2", "30"], plan.Points[0].Values);
        Assert.Equal(["2", "365"], plan.Points[2].Values);
        Assert.Equal(["3", "30"], plan.Points[3].Values);
        Assert.Equal(["p1", "p2", "p3", "p4", "p5", "p6"], plan.Points.Select(p => p.Name));
        Assert.Equal(Enumerable.Range(0, 12), plan.Runs.Select(r => r.Index));
        Assert.Equal([11L, 12L], plan.Runs.Take(2).Select(r => r.Seed));
        Assert.All(plan.Runs, r => Assert.Equal(r.Index / 2, r.Point.Index));
        Assert.Equal(3, plan.Runs[7].Scenario.Network.Nodes);
        Assert.Equal(30, plan.Runs[7].Scenario.Workload.RetentionDays);
        Assert.All(plan.Runs, r => Assert.Equal(JournalMode.HashOnly, r.Scenario.Journal));
        Assert.Equal("p4-seed12", plan.Runs[7].FolderName);
    }

    [Fact]
    public void A_set_option_can_keep_the_journal_and_applies_to_every_point()
    {
        var plan = SweepPlan.Create(Tiny, "tiny.yaml", ["journal=full", "seed=40"], [SweepAxis.Parse("network.nodes=2,3")], seeds: 1);

        Assert.All(plan.Runs, r => Assert.Equal(JournalMode.Full, r.Scenario.Journal));
        Assert.All(plan.Runs, r => Assert.Equal(40, r.Seed));
    }

    [Fact]
    public void Vary_values_are_parsed_as_yaml_like_set()
    {
        var plan = SweepPlan.Create(Tiny, "tiny.yaml", [], [SweepAxis.Parse("workload.message_bytes={dist: constant, value: 512B},1KiB")], seeds: 1);

        Assert.Equal(512, plan.Runs[0].Scenario.Workload.MessageBytes.Sample(new Random(1)));
        Assert.Equal(1024, plan.Runs[1].Scenario.Workload.MessageBytes.Sample(new Random(1)));
    }

    [Fact]
    public void Bad_vary_key_or_value_is_an_error_naming_the_vary_option()
    {
        var badKey = Assert.Throws<ScenarioException>(() =>
            SweepPlan.Create(Tiny, "tiny.yaml", [], [SweepAxis.Parse("workload.nope=1,2")], seeds: 1));
        Assert.Contains(badKey.Errors, e => e.File == "--vary workload.nope=1,2");

        var badValue = Assert.Throws<ScenarioException>(() =>
            SweepPlan.Create(Tiny, "tiny.yaml", [], [SweepAxis.Parse("network.nodes=2,zero")], seeds: 1));
        var error = Assert.Single(badValue.Errors);
        Assert.Equal("--vary network.nodes=2,zero", error.File);
        Assert.Contains("zero", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_matches_a_hand_computed_student_t_interval()
    {
        // 1, 2, 3, 4: mean 2.5, s = sqrt(5/3) = 1.2909944, t(0.975, 3 df) = 3.1824463,
        // half-width = t·s/√4 = 2.0542603, interval [0.4457397, 4.5542603].
        var e = Estimate.Of([1, 2, 3, 4]);

        Assert.Equal(4, e.N);
        Assert.Equal(2.5, e.Mean, 12);
        Assert.Equal(1.2909944487358056, e.StdDev, 12);
        Assert.Equal(0.445739743239121, e.Low!.Value, 9);
        Assert.Equal(4.5542602567608785, e.High!.Value, 9);
        Assert.Equal(2.054260256760879, e.HalfWidth, 9);
    }

    [Fact]
    public void One_seed_gives_no_interval_and_undefined_values_are_skipped()
    {
        var single = Estimate.Of([7]);
        Assert.Equal(1, single.N);
        Assert.Equal(7, single.Mean);
        Assert.False(single.HasInterval);
        Assert.Null(single.Low);

        var withNaN = Estimate.Of([double.NaN, 3, 5]);
        Assert.Equal(2, withNaN.N);
        Assert.Equal(4, withNaN.Mean);
    }

    [Fact]
    public void Same_sweep_gives_the_same_csv_bytes_whatever_the_parallelism()
    {
        var plan = SweepPlan.Create(Tiny, "tiny.yaml", [], [SweepAxis.Parse("workload.retention_days=30,60")], seeds: 2);

        var parallel = SweepRunner.Run(plan, new SweepSettings { MaxParallelRuns = 4 });
        var serial = SweepRunner.Run(plan, new SweepSettings { MaxParallelRuns = 1 });

        Assert.Equal(SweepOutput.CsvBytes(serial), SweepOutput.CsvBytes(parallel));
        Assert.Equal(4, parallel.Runs.Count);
        Assert.Equal(plan.Runs.Select(r => r.Index), parallel.Runs.Select(r => r.Spec.Index));
        Assert.True(parallel.AllChecksPassed);
        Assert.NotEqual(parallel.Runs[0].Results.JournalSha256, parallel.Runs[1].Results.JournalSha256);

        // Retention changes the storage fee only: same traffic, same envelopes, fees in ratio 60:30 minus message fees.
        var originated = parallel.Runs[0].Results.Fees.Originated;
        Assert.True(originated > 0);
        Assert.Equal(originated, parallel.Runs[2].Results.Fees.Originated);
        var fees30 = parallel.Runs[0].Results.Fees.TotalPicodollars - (100 * originated);
        var fees60 = parallel.Runs[2].Results.Fees.TotalPicodollars - (100 * originated);
        Assert.Equal(2 * fees30, fees60);
    }

    [Fact]
    public void Results_give_a_chart_per_figure_and_key_with_a_series_per_other_key()
    {
        var plan = SweepPlan.Create(Tiny, "tiny.yaml", [], [SweepAxis.Parse("workload.message_bytes=256B,1KiB"), SweepAxis.Parse("workload.retention_days=30,60")], seeds: 1);
        var one = SmallScenarios.Run(Tiny, 1, "duration=5s", "drain=5s").Results;
        var runs = plan.Runs.Select(spec => new SweepRun(spec, one, [.. HeadlineFigures.All.Select(_ => (double)spec.Index)], null));

        var results = SweepResults.From("tiny", plan.Axes, 1, plan.Points, runs.Reverse());

        Assert.Equal(Enumerable.Range(0, 4), results.Runs.Select(r => r.Spec.Index));
        var charts = results.Charts();
        Assert.Equal(HeadlineFigures.Charted.Count * 2, charts.Count);
        var bySize = results.Chart(HeadlineFigures.Charted[0], 0);
        Assert.Equal(SweepAxisScale.Bytes, bySize.Scale);
        Assert.Equal(["workload.retention_days=30", "workload.retention_days=60"], bySize.Series.Select(s => s.Label));
        Assert.Equal([256.0, 1024.0], bySize.Series[0].Points.Select(p => p.X!.Value));
        Assert.Equal([0.0, 2.0], bySize.Series[0].Points.Select(p => p.Estimate.Mean));
        Assert.False(bySize.Series[0].Points[0].Estimate.HasInterval);

        var csv = System.Text.Encoding.UTF8.GetString(SweepOutput.CsvBytes(results)).Split('\n');
        Assert.StartsWith("point,workload.message_bytes,workload.retention_days,seed,envelopes_published,", csv[0], StringComparison.Ordinal);
        Assert.EndsWith(",checks_passed,journal_sha256", csv[0], StringComparison.Ordinal);
        Assert.StartsWith("p1,256B,30,11,0,", csv[1], StringComparison.Ordinal);
    }
}
