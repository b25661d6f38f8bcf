using System.Globalization;
using XmtpSim.Scenarios;
using XmtpSim.Scenarios.Faults;

namespace XmtpSim.Checks.Output;

/// <summary>One-line descriptions of scenario parts for report.md (invariant culture).</summary>
internal static class ScenarioText
{
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalMilliseconds: < 1000 } => Num(span.TotalMilliseconds) + "ms",
        { TotalSeconds: < 60 } => Num(span.TotalSeconds) + "s",
        { TotalMinutes: < 60 } => Num(span.TotalMinutes) + "m",
        _ => Num(span.TotalHours) + "h",
    };

    public static string Num(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    public static string Nodes(IEnumerable<int> ids) => "[" + string.Join(", ", ids.Select(i => i.ToString(CultureInfo.InvariantCulture))) + "]";

    public static string Fault(Fault fault) => Duration(fault.At) + ": " + fault switch
    {
        PartitionFault p => "partition " + string.Join(" | ", p.Groups.Select(Nodes)) + For(p.For),
        HealFault h => "heal " + (h.Nodes is null ? "all" : Nodes(h.Nodes)),
        CrashFault c => $"crash node {c.Node}" + (c.RestartAfter is { } r ? $", restart after {Duration(r)}" : ", no restart"),
        LatencyFault l => $"latency +{l.Add} on {Nodes(l.Nodes)}" + For(l.For),
        ResetFault r => "reset " + Nodes(r.Nodes),
        ByzantineFault b => $"byzantine node {b.Node} {b.Behaviour} p={Num(b.Probability)}" + For(b.For),
        _ => fault.GetType().Name,
    };

    public static string Topology(Scenario scenario)
    {
        var network = scenario.Network;
        var regions = network.Regions.Count == 0 ? "one region" : $"{network.Regions.Count} regions";
        return $"{network.Nodes} nodes {Nodes(network.NodeIds)}, {network.Gateways} gateways, {regions}, loss {Num(network.Loss)}, " +
            $"duplicate {Num(network.Duplicate)}, node poll {Duration(network.NodePollInterval)}; app chain block time " +
            $"{Duration(scenario.AppChain.BlockTime)}, gas limit {scenario.AppChain.GasLimitPerBlock}";
    }

    public static string Workload(Scenario scenario)
    {
        var w = scenario.Workload;
        return $"{w.Clients} clients in {w.Groups} groups, {Num(w.MessageRatePerClient)} msgs/s per client, " +
            $"{Num(w.CommitRatePerGroup)} commits/s per group, retention {w.RetentionDays} days, " +
            $"{w.IdentityUpdatesPerClient} identity updates per client";
    }

    private static string For(TimeSpan? span) => span is { } s ? $" for {Duration(s)}" : string.Empty;
}
