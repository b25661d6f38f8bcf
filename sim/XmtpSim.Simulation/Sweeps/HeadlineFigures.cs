using XmtpSim.Checks.Results;
using XmtpSim.Scenarios;

namespace XmtpSim.Simulation.Sweeps;

/// <summary>
/// The figures a sweep takes from each run, in <c>sweep.csv</c> column order. Fees are what originators charged
/// (spec §9.3: base + congestion fee per originated payer envelope); chain gas is not included. "Operator revenue"
/// is the fees a node charged as originator before settlement, averaged over every node of the network (nodes that
/// originated nothing count as 0); the DistributionManager split and protocol fee are not modelled yet.
/// </summary>
public static class HeadlineFigures
{
    /// <summary>Picodollars per dollar.</summary>
    public const double PicodollarsPerDollar = 1e12;

    /// <summary>The topic kind of application messages.</summary>
    public const string GroupMessageKind = "group_messages_v1";

    /// <summary>Every figure, in column order.</summary>
    public static IReadOnlyList<HeadlineFigure> All { get; } =
    [
        new("envelopes_published", "Envelopes published", "envelopes", true, false, (r, _) => r.EnvelopesPublished),
        new("envelopes_delivered", "Envelopes delivered (client applies)", "applies", true, false, (r, _) => r.EnvelopesDelivered),
        new("latency_ms_p50", "Publish-to-delivery latency p50", "ms", false, true, (r, _) => r.LatencyMs.P50),
        new("latency_ms_p99", "Publish-to-delivery latency p99", "ms", false, true, (r, _) => r.LatencyMs.P99),
        new("delivered_ratio", "Delivered ratio", "ratio", false, true, (r, _) => r.Delivery.Ratio),
        new("fees_total_picodollars", "Fees charged, total", "picodollars", true, true, (r, _) => r.Fees.TotalPicodollars),
        new("originated_envelopes", "Payer envelopes originated", "envelopes", true, false, (r, _) => r.Fees.Originated),
        new("cost_per_message_picodollars", "Mean fee per originated payer envelope", "picodollars", false, true, (r, _) => PerMessage(r)),
        new("cost_per_100k_messages_dollars", "Cost per 100,000 payer envelopes", "$", false, true, (r, _) => PerMessage(r) * 100_000 / PicodollarsPerDollar),
        new("group_messages_originated", "Group messages originated", "envelopes", true, false, (r, _) => GroupMessages(r)?.Envelopes ?? 0),
        new("cost_per_group_message_picodollars", "Mean fee per group message", "picodollars", false, true, (r, _) => GroupMessageMean(r)),
        new("cost_per_100k_group_messages_dollars", "Cost per 100,000 group messages", "$", false, true, (r, _) => GroupMessageMean(r) * 100_000 / PicodollarsPerDollar),
        new("congestion_fee_picodollars_total", "Congestion fees, total", "picodollars", true, true, (r, _) => r.Fees.CongestionPicodollars),
        new("congestion_units_mean", "Mean congestion units per payer envelope", "units (0..100)", false, true, (r, _) => r.Fees.Originated == 0 ? double.NaN : r.Fees.MeanCongestionUnits),
        new("offered_rate_per_node_per_minute", "Offered rate per originator", "envelopes/min", false, false, (r, s) => OfferedRate(r, s)),
        new("offered_rate_vs_target", "Offered rate / target_rate_per_minute", "ratio", false, true, (r, s) => s.Fees.TargetRatePerMinute == 0 ? double.NaN : OfferedRate(r, s) / s.Fees.TargetRatePerMinute),
        new("operator_revenue_per_node_picodollars", "Operator revenue per node (mean over nodes)", "picodollars", false, true, (r, s) => (double)r.Fees.TotalPicodollars / s.Network.Nodes),
    ];

    /// <summary>The charted figures, in column order.</summary>
    public static IReadOnlyList<HeadlineFigure> Charted { get; } = [.. All.Where(f => f.Charted)];

    /// <summary>Every figure's value for one run, in <see cref="All"/> order.</summary>
    public static double[] Compute(RunResults results, Scenario scenario) => [.. All.Select(f => f.Compute(results, scenario))];

    private static double PerMessage(RunResults r) => r.Fees.Originated == 0 ? double.NaN : (double)r.Fees.TotalPicodollars / r.Fees.Originated;

    private static KindFees? GroupMessages(RunResults r) => r.Fees.ByKind.FirstOrDefault(k => k.Kind == GroupMessageKind);

    private static double GroupMessageMean(RunResults r) => GroupMessages(r) is { Envelopes: > 0 } g ? g.MeanPicodollars : double.NaN;

    /// <summary>Originated payer envelopes per node per minute of the workload phase (originations stop with it).</summary>
    private static double OfferedRate(RunResults r, Scenario s) =>
        s.Duration <= TimeSpan.Zero ? double.NaN : r.Fees.Originated / (double)s.Network.Nodes / s.Duration.TotalMinutes;
}
