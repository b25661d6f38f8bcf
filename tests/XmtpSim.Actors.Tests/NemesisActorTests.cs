using XmtpSim.Actors.Faults;
using XmtpSim.Engine;
using XmtpSim.Engine.Journal;
using XmtpSim.Scenarios;
using XmtpSim.Scenarios.Distributions;
using XmtpSim.Scenarios.Faults;
using static XmtpSim.Actors.Tests.Harness;

namespace XmtpSim.Actors.Tests;

public sealed class NemesisActorTests
{
    private static readonly SourceLocation Here = SourceLocation.None;

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private static long Sec(double seconds) => (long)(seconds * SimTime.NanosPerSecond);

    private static (Harness H, ActorId[] Nodes) Start(IReadOnlyList<Fault> faults, ulong seed = 1)
    {
        var h = new Harness(latencyMs: 10, seed: seed);
        var nodes = new[] { h.Probe("node-100"), h.Probe("node-200"), h.Probe("node-300") };
        h.Engine.Register("nemesis", sim => NemesisActor.Props(sim, faults, id => h.Engine.Resolve($"node-{id}")));
        return (h, nodes);
    }

    private static List<(long TimeNs, string Fault, string Detail)> Faults(Harness h) =>
        h.Journal<FaultEvent>().Select(f => (f.TimeNs, f.Fault, f.Detail)).ToList();

    [Fact]
    public void Partition_with_for_heals_itself_and_an_explicit_heal_all_follows()
    {
        var (h, nodes) = Start(
        [
            new PartitionFault(S(10), [[100], [200, 300]], S(5), Here),
            new PartitionFault(S(20), [[100, 200], [300]], null, Here),
            new HealFault(S(30), null, Here),
        ]);
        using var _ = h;
        h.Send(nodes[0], nodes[1], new XmtpSim.Actors.Messages.IndexFrom(0), 12_000); // cut: dropped
        h.Send(nodes[0], nodes[1], new XmtpSim.Actors.Messages.IndexFrom(0), 16_000); // healed: delivered
        h.RunUntilMs(60_000);

        Assert.Equal(
            [
                (Sec(10), "partition", "node-100 | node-200,node-300"),
                (Sec(15), "heal", "all"),
                (Sec(20), "partition", "node-100,node-200 | node-300"),
                (Sec(30), "heal", "all"),
            ],
            Faults(h));
        Assert.Equal([16_010 * Ms], h.Inbox(nodes[1]).Select(r => r.TimeNs));
        Assert.Single(h.Journal<DropEvent>(), d => d.TimeNs == 12_000 * Ms && d.Reason == "partition");
    }

    [Fact]
    public void Heal_of_listed_nodes_keeps_the_other_cuts_and_a_replaced_partition_does_not_heal_later()
    {
        var (h, _) = Start(
        [
            new PartitionFault(S(1), [[100], [200], [300]], S(10), Here),
            new HealFault(S(2), [100], Here),
            new HealFault(S(3), [200], Here),
            new PartitionFault(S(4), [[100], [300]], null, Here),
        ]);
        using var _h = h;
        h.RunUntilMs(60_000);

        // The first partition's "for" (t = 11 s) finds its partition gone and plays nothing.
        Assert.Equal(
            [
                (Sec(1), "partition", "node-100 | node-200 | node-300"),
                (Sec(2), "partition", "node-200 | node-300"),
                (Sec(3), "heal", "all"),
                (Sec(4), "partition", "node-100 | node-300"),
            ],
            Faults(h));
    }

    [Fact]
    public void Crash_with_restart_after_restarts_and_without_it_stays_down()
    {
        var (h, nodes) = Start(
        [
            new CrashFault(S(5), 200, S(3), Here),
            new CrashFault(S(6), 300, null, Here),
        ]);
        using var _ = h;
        h.Send(nodes[0], nodes[1], new XmtpSim.Actors.Messages.IndexFrom(0), 7_000);  // node-200 down: dropped
        h.Send(nodes[0], nodes[1], new XmtpSim.Actors.Messages.IndexFrom(0), 9_000);  // back up: delivered
        h.RunUntilMs(60_000);

        Assert.Equal(
            [
                (Sec(5), "crash", "node-200"),
                (Sec(6), "crash", "node-300"),
                (Sec(8), "restart", "node-200"),
            ],
            Faults(h));
        Assert.Equal([9_010 * Ms], h.Inbox(nodes[1]).Select(r => r.TimeNs));
    }

    [Fact]
    public void Latency_fault_adds_one_sample_for_its_length_then_takes_it_off()
    {
        var (h, nodes) = Start([new LatencyFault(S(2), [100, 300], DurationDistribution.Constant(TimeSpan.FromMilliseconds(50)), S(4), Here)]);
        using var _ = h;
        h.Send(nodes[0], nodes[1], new XmtpSim.Actors.Messages.IndexFrom(0), 3_000);
        h.Send(nodes[0], nodes[1], new XmtpSim.Actors.Messages.IndexFrom(0), 7_000);
        h.RunUntilMs(60_000);

        Assert.Equal(
            [
                (Sec(2), "latency", "node-100,node-300 50000000ns"),
                (Sec(6), "latency", "node-100,node-300 -50000000ns"),
            ],
            Faults(h));
        Assert.Equal([3_060 * Ms, 7_010 * Ms], h.Inbox(nodes[1]).Select(r => r.TimeNs));
    }

    [Fact]
    public void Sampled_latency_is_drawn_once_from_the_seeded_stream_and_removed_exactly()
    {
        static List<(long, string, string)> Run(ulong seed)
        {
            var (h, _) = Start([new LatencyFault(S(1), [200], new DurationDistribution(new UniformDistribution(0.01, 0.5)), S(1), Here)], seed);
            using var _h = h;
            h.RunUntilMs(10_000);
            return Faults(h);
        }

        var first = Run(1);
        Assert.Equal(first, Run(1));
        Assert.Equal(2, first.Count);
        var added = long.Parse(first[0].Item3.Split(' ')[1].TrimEnd('n', 's'), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(added, 10 * Ms, 500 * Ms);
        Assert.Equal($"node-200 {-added}ns", first[1].Item3);
        Assert.Equal(Sec(2), first[1].Item1);
    }

    [Fact]
    public void Reset_breaks_the_connections_between_the_listed_nodes()
    {
        var (h, _) = Start([new ResetFault(S(3), [100, 200], Here)]);
        using var _h = h;
        h.RunUntilMs(10_000);
        Assert.Equal([(Sec(3), "reset", "node-100,node-200")], Faults(h));
    }

    [Fact]
    public void Byzantine_fault_is_refused_with_a_clear_message()
    {
        var (h, _) = Start([new ByzantineFault(S(1), 100, ByzantineBehaviour.Equivocate, 1, [], [], [], null, Here)]);
        using var _h = h;
        var error = Assert.Throws<NotSupportedException>(() => h.Engine.Start());
        Assert.Contains("byzantine", error.Message, StringComparison.Ordinal);
        Assert.Contains("Equivocate", error.Message, StringComparison.Ordinal);
    }
}
