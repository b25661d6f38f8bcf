using XmtpSim.Checks.Recording;
using XmtpSim.Engine;

namespace XmtpSim.Simulation.Tests;

public sealed class ScenarioOutcomeTests
{
    [Fact]
    public void A_healthy_network_passes_every_check()
    {
        var outcome = SmallScenarios.Run(SmallScenarios.Base);
        Assert.All(outcome.Checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Evidence}"));
        Assert.True(outcome.Results.EnvelopesDelivered > 100, $"delivered {outcome.Results.EnvelopesDelivered}");
    }

    [Fact]
    public void Latency_is_physical_with_constant_50ms_links()
    {
        // client → gateway → node, node poll, node → client: at least three one-way hops of 50 ms.
        var applies = SmallScenarios.Record(SmallScenarios.Base, "network.latency=50ms").Applies.Where(a => a.PublishedNs >= 0).ToList();
        Assert.NotEmpty(applies);
        Assert.All(applies, a => Assert.True(a.TimeNs - a.PublishedNs >= 150 * SimTime.NanosPerMilli,
            $"applied {SimTime.Format(a.TimeNs - a.PublishedNs)} after publish"));
    }

    [Theory]
    [InlineData(SmallScenarios.Base)]
    [InlineData(SmallScenarios.PartitionHealedAt1m)]
    [InlineData(SmallScenarios.NodeCrashedAt30s)]
    public void Causal_order_tracked_while_recording_needs_no_replay_and_agrees_with_it(string yaml)
    {
        var history = SmallScenarios.Record(yaml);
        var tracker = history.CausalOrder;
        Assert.True(tracker.Exact, "a join was journaled earlier than a delivery before it");
        Assert.Equal(Checks.Evaluation.CausalOrder.Replay(history), tracker.Tally());
    }

    [Fact]
    public void A_partition_healed_only_at_the_end_fails_convergence_and_no_loss()
    {
        var outcome = SmallScenarios.Run(SmallScenarios.Base + """

            faults:
              - { at: 30s, partition: [[100], [200, 300]] }
              - { at: 2m, heal: all }
            """, 1, "drain=0s");
        Assert.False(outcome.Checks.Single(c => c.Name == "convergence").Passed);
        Assert.False(outcome.Checks.Single(c => c.Name == "no_loss").Passed);
    }

    [Fact]
    public void A_partition_healed_in_time_converges()
    {
        var outcome = SmallScenarios.Run(SmallScenarios.PartitionHealedAt1m);

        // Messages originated on the minority side reach the majority's readers only after the heal:
        // latency suffers (as it should), but nothing is lost, reordered or left diverged.
        Assert.All(outcome.Checks.Where(c => c.Name != "latency_p99_below"), c => Assert.True(c.Passed, $"{c.Name}: {c.Evidence}"));
        Assert.True(outcome.Results.LatencyMs.Max > 10_000, $"the partition must delay someone: max {outcome.Results.LatencyMs.Max} ms");
    }

    [Fact]
    public void A_crashed_node_restarts_and_catches_up()
    {
        var outcome = SmallScenarios.Run(SmallScenarios.Base + """

            faults:
              - { at: 40s, crash: 200, restart_after: 20s }
            """);

        // Readers of the crashed node fail over after their subscribe timeouts: late, but complete.
        Assert.All(outcome.Checks.Where(c => c.Name != "latency_p99_below"), c => Assert.True(c.Passed, $"{c.Name}: {c.Evidence}"));
        Assert.Contains(outcome.Results.Faults, f => f.Fault == "crash");
        Assert.Contains(outcome.Results.Faults, f => f.Fault == "restart");
    }

    [Fact]
    public void Readers_of_a_crashed_node_read_from_another_while_it_is_down()
    {
        var history = SmallScenarios.Record(SmallScenarios.Base + """

            faults:
              - { at: 30s, crash: 200, restart_after: 80s }
            """);
        Assert.True(history.Actors.TryGetId("node-200", out var crashed));
        var (down, up) = (30 * SimTime.NanosPerSecond, 110 * SimTime.NanosPerSecond);
        var itsReaders = history.Applies.Where(a => a.TimeNs < down && a.ReadNode == crashed).Select(a => a.Client).ToHashSet();
        Assert.NotEmpty(itsReaders);

        // While node 200 is down, its readers go on applying, through the next node in their list.
        var failedOver = history.Applies
            .Where(a => a.TimeNs > down && a.TimeNs < up && itsReaders.Contains(a.Client))
            .Select(a => a.Client).ToHashSet();
        Assert.NotEmpty(failedOver);
        Assert.DoesNotContain(history.Applies, a => a.TimeNs > down && a.TimeNs < up && a.ReadNode == crashed);
    }

    [Fact]
    public void Impossible_thresholds_fail_the_latency_and_ratio_checks()
    {
        var outcome = SmallScenarios.Run(SmallScenarios.Base.Replace("{ latency_p99_below: 2s }", "{ latency_p99_below: 1ms }", StringComparison.Ordinal) + """

            faults:
              - { at: 30s, partition: [[100], [200, 300]] }
              - { at: 2m, heal: all }
            """, 1, "drain=0s");
        Assert.False(outcome.Checks.Single(c => c.Name == "latency_p99_below").Passed);
        Assert.False(outcome.Checks.Single(c => c.Name == "delivered_ratio_at_least").Passed);
    }
}
