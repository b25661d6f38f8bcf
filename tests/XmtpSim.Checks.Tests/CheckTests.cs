using XmtpSim.Actors.Journal;
using XmtpSim.Checks.Recording;
using XmtpSim.Engine.Journal;
using XmtpSim.Scenarios.Checks;
using static XmtpSim.Checks.Tests.Histories;

namespace XmtpSim.Checks.Tests;

public sealed class CheckTests
{
    private static readonly Check[] AllChecks =
    [
        NoLossCheck.Instance, CausalOrderCheck.Instance, ChainOrderCheck.Instance, ConvergenceCheck.Instance, MisbehaviorDetectedCheck.Instance,
        new LatencyP99BelowCheck(TimeSpan.FromSeconds(2)), new DeliveredRatioAtLeastCheck(0.999),
    ];

    private static CheckResult Run(Check check, IEnumerable<JournalEvent> events) => CheckRunner.Run([check], Record(events))[0];

    [Fact]
    public void Every_check_passes_on_a_good_history()
    {
        var results = CheckRunner.Run(AllChecks, Record(Good()));

        Assert.Equal(
            ["no_loss", "causal_order", "chain_order", "convergence", "misbehavior_detected", "latency_p99_below", "delivered_ratio_at_least"],
            results.Select(r => r.Name));
        Assert.All(results, r => Assert.True(r.Passed, $"{r.Name}: {r.Evidence} / {r.CounterExample}"));
        Assert.All(results, r => Assert.Null(r.CounterExample));
        Assert.Contains("3 acknowledged envelopes", results[0].Evidence, StringComparison.Ordinal);
        Assert.Contains("9/9 node copies at 3 live nodes", results[0].Evidence, StringComparison.Ordinal);
        Assert.Contains("4/4 expected client deliveries", results[0].Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void No_loss_fails_naming_the_envelope_and_the_node_that_lost_it()
    {
        var events = Good().Without(e => e is NodeStoreEvent { Node: "node-300", Originator: 100 });

        var result = Run(NoLossCheck.Instance, events);

        Assert.False(result.Passed);
        Assert.Contains("8/9 node copies", result.Evidence, StringComparison.Ordinal);
        Assert.StartsWith($"envelope 100:1 on {Topic} (acknowledged to client-1 at 1.030s) never reached node-300", result.CounterExample, StringComparison.Ordinal);
    }

    [Fact]
    public void No_loss_fails_when_a_joined_client_never_applies_an_envelope_it_should_get()
    {
        var events = Good().Without(e => e is ClientApplyEvent { Client: "client-2", Originator: 100 });

        var result = Run(NoLossCheck.Instance, events);

        Assert.False(result.Passed);
        Assert.Contains("3/4 expected client deliveries", result.Evidence, StringComparison.Ordinal);
        Assert.Contains("envelope 100:1 on " + Topic, result.CounterExample, StringComparison.Ordinal);
        Assert.Contains("never applied by client-2 (joined at commit 1 at 0.450s)", result.CounterExample, StringComparison.Ordinal);
    }

    [Fact]
    public void No_loss_does_not_expect_envelopes_older_than_the_join_commit()
    {
        // client-3 joins at commit 2: neither 100:1 nor 200:1 (depends_on[0] = 1) nor commit 0:1 is owed to it.
        var events = Good().With(new ClientJoinEvent(3 * S, "client-3", Topic, 2));

        var result = Run(NoLossCheck.Instance, events);

        Assert.True(result.Passed, result.CounterExample);
        Assert.Contains("4/4 expected client deliveries", result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_that_crashed_and_never_restarted_is_excluded_from_no_loss_and_convergence()
    {
        var events = Good()
            .Without(e => e is NodeStoreEvent { Node: "node-300" } && e.TimeNs > S)
            .With(new FaultEvent(S, "crash", "node-300"));

        var noLoss = Run(NoLossCheck.Instance, events);
        var convergence = Run(ConvergenceCheck.Instance, events);

        Assert.True(noLoss.Passed, noLoss.CounterExample);
        Assert.Contains("6/6 node copies at 2 live nodes (excluded: node-300 crashed at 1.000s)", noLoss.Evidence, StringComparison.Ordinal);
        Assert.True(convergence.Passed, convergence.CounterExample);
        Assert.Contains("2 live nodes", convergence.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_that_crashed_and_restarted_is_live_again()
    {
        var events = Good()
            .Without(e => e is NodeStoreEvent { Node: "node-300" } && e.TimeNs > S)
            .With(new FaultEvent(S, "crash", "node-300"), new FaultEvent(2 * S, "restart", "node-300"));

        Assert.False(Run(NoLossCheck.Instance, events).Passed);
        Assert.False(Run(ConvergenceCheck.Instance, events).Passed);
    }

    [Fact]
    public void Causal_order_fails_when_a_client_applies_before_a_dependency()
    {
        // client-2 applies 200:1 (depends on 100:1) before it applies 100:1.
        var events = Good().Map(e => e is ClientApplyEvent { Client: "client-2", Originator: 100 } a ? a with { TimeNs = 2 * S + 200 * Ms } : e);
        events = [.. events.OrderBy(e => e.TimeNs)];

        var result = Run(CausalOrderCheck.Instance, events);

        Assert.False(result.Passed);
        Assert.Contains("1 violations", result.Evidence, StringComparison.Ordinal);
        Assert.Equal(
            $"client-2 applied 200:1 on {Topic} at 2.100s (read from node-200) before its dependency 100:1: it had applied up to 100:0 on that topic",
            result.CounterExample);
    }

    [Fact]
    public void Causal_order_fails_on_an_apply_with_a_dropped_dependency()
    {
        var events = Good().Map(e => e is ClientApplyEvent { Client: "client-1", Originator: 200 } a ? a with { DependencyDropped = true } : e);

        var result = Run(CausalOrderCheck.Instance, events);

        Assert.False(result.Passed);
        Assert.Contains("(1 with a dropped dependency)", result.Evidence, StringComparison.Ordinal);
        Assert.Contains("client-1 applied 200:1", result.CounterExample, StringComparison.Ordinal);
        Assert.Contains("giving up on a dependency of {0:1, 100:1}", result.CounterExample, StringComparison.Ordinal);
    }

    [Fact]
    public void Causal_order_counts_the_join_commit_as_applied()
    {
        // Nobody applies commit 0:1 itself; the joins at commit 1 satisfy the {0:1} dependencies.
        Assert.True(Run(CausalOrderCheck.Instance, Good()).Passed);
        Assert.False(Run(CausalOrderCheck.Instance, Good().Without(e => e is ClientJoinEvent { Client: "client-1" })).Passed);
    }

    [Fact]
    public void Chain_order_fails_naming_the_node_whose_chain_digest_diverges()
    {
        var events = Good().Map(e => e is NodeStoreEvent { Node: "node-200", Originator: 0 } s ? s with { Digest = "forged" } : e);

        var result = Run(ChainOrderCheck.Instance, events);

        Assert.False(result.Passed);
        Assert.Equal($"0:1 on {Topic} at node-200 (0.310s) has digest forged but the chain's tx is tx01 (block 1 at 0.250s)", result.CounterExample);
    }

    [Fact]
    public void Chain_order_compares_nodes_with_each_other_when_the_journal_has_no_chain_transactions()
    {
        var events = Good()
            .Without(e => e is ChainTxEvent)
            .Map(e => e is NodeStoreEvent { Node: "node-300", Originator: 0 } s ? s with { Digest = "other" } : e);

        var result = Run(ChainOrderCheck.Instance, events);

        Assert.False(result.Passed);
        Assert.Contains("at node-300", result.CounterExample, StringComparison.Ordinal);
        Assert.Contains("but node-100 stored tx01", result.CounterExample, StringComparison.Ordinal);
    }

    [Fact]
    public void Chain_order_fails_when_a_live_node_never_indexes_a_chain_transaction()
    {
        var result = Run(ChainOrderCheck.Instance, Good().Without(e => e is NodeStoreEvent { Node: "node-200", Originator: 0 }));

        Assert.False(result.Passed);
        Assert.StartsWith("node-200 never indexed chain envelope 0:1", result.CounterExample, StringComparison.Ordinal);
    }

    [Fact]
    public void Convergence_fails_naming_the_first_envelope_a_node_lacks()
    {
        var events = Good().Without(e => e is NodeStoreEvent { Node: "node-100", Originator: 200 });

        var result = Run(ConvergenceCheck.Instance, events);

        Assert.False(result.Passed);
        Assert.Contains("1 held by only some live nodes", result.Evidence, StringComparison.Ordinal);
        Assert.Equal(
            $"envelope 200:1 on {Topic} (originated at 2.020s) is held by node-200, node-300 but missing at node-100 at the end (2.300s)",
            result.CounterExample);
    }

    [Fact]
    public void Latency_check_fails_on_a_slow_apply_and_names_it()
    {
        var events = Good().Map(e => e is ClientApplyEvent { Client: "client-2", Originator: 100 } a ? a with { TimeNs = 6 * S } : e);
        events = [.. events.OrderBy(e => e.TimeNs)];

        var result = Run(new LatencyP99BelowCheck(TimeSpan.FromSeconds(2)), events);

        Assert.False(result.Passed);
        Assert.StartsWith("p99 5000ms >= 2000ms over 4 applies", result.Evidence, StringComparison.Ordinal);
        Assert.Equal($"envelope 100:1 on {Topic} published at 1.000s was applied by client-2 from node-200 at 6.000s: 5000ms", result.CounterExample);
        Assert.True(Run(new LatencyP99BelowCheck(TimeSpan.FromSeconds(6)), events).Passed);
    }

    [Fact]
    public void Latency_check_ignores_applies_with_unknown_publish_time()
    {
        var events = Good().Map(e => e is ClientApplyEvent a ? a with { PublishedNs = -1 } : e);

        var result = Run(new LatencyP99BelowCheck(TimeSpan.FromMilliseconds(1)), events);

        Assert.True(result.Passed);
        Assert.StartsWith("no applies with a known publish time", result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Delivered_ratio_compares_applied_with_expected_deliveries()
    {
        var events = Good().Without(e => e is ClientApplyEvent { Client: "client-2", Originator: 100 });

        var strict = Run(new DeliveredRatioAtLeastCheck(0.9), events);
        var lenient = Run(new DeliveredRatioAtLeastCheck(0.75), events);

        Assert.False(strict.Passed);
        Assert.Equal("3/4 expected deliveries applied = 0.75000 < 0.90000", strict.Evidence);
        Assert.Contains("never applied by client-2", strict.CounterExample, StringComparison.Ordinal);
        Assert.True(lenient.Passed);
    }

    [Fact]
    public void Misbehavior_detected_passes_vacuously_and_fails_on_an_unreported_byzantine_act()
    {
        var vacuous = Run(MisbehaviorDetectedCheck.Instance, Good());
        var unreported = Run(MisbehaviorDetectedCheck.Instance, Good().With(new FaultEvent(S, "byzantine", "node-300 equivocate")));
        var reported = Run(
            MisbehaviorDetectedCheck.Instance,
            Good().With(new FaultEvent(S, "byzantine", "node-300 equivocate"), new MisbehaviorReportTestEvent(2 * S, "node-300", "node-100")));

        Assert.True(vacuous.Passed);
        Assert.StartsWith("no byzantine acts in the journal", vacuous.Evidence, StringComparison.Ordinal);
        Assert.False(unreported.Passed);
        Assert.Equal("byzantine act by node-300 at 1.000s (node-300 equivocate) has no misbehavior report accusing it", unreported.CounterExample);
        Assert.True(reported.Passed, reported.CounterExample);
    }

    [Fact]
    public void Repeated_checks_get_unique_names()
    {
        var results = CheckRunner.Run([new LatencyP99BelowCheck(TimeSpan.FromSeconds(1)), new LatencyP99BelowCheck(TimeSpan.FromSeconds(2))], Record(Good()));

        Assert.Equal(["latency_p99_below", "latency_p99_below_2"], results.Select(r => r.Name));
    }
}
