namespace XmtpSim.Checks.Results;

/// <summary>Fees charged by originators (chain gas is not included).</summary>
/// <param name="TotalPicodollars">Sum of base plus congestion fees of every originated envelope, picodollars.</param>
/// <param name="PerMessagePicodollars">Per-envelope fee percentiles.</param>
/// <param name="ByPayer">Fees per payer, picodollars, ordinal order of payer.</param>
/// <param name="ByNode">Operator revenue per originating node (actor name), picodollars, by node id.</param>
/// <param name="BasePicodollars">Sum of base fees, picodollars.</param>
/// <param name="CongestionPicodollars">Sum of congestion fees, picodollars.</param>
/// <param name="FeeMismatches">Stores whose recomputed fee differed from the originator's.</param>
/// <param name="Originated">Envelopes originated (priced) by nodes: the denominator of a mean fee per message.</param>
/// <param name="CongestionUnitsSum">Sum of congestion units charged over every originated envelope (mean = sum / <paramref name="Originated"/>).</param>
/// <param name="ByKind">Fees per topic kind (<c>group_messages_v1</c>, <c>welcome_message_v1</c>, <c>key_packages_v1</c>, …), ordinal order.</param>
public sealed record FeeSummary(
    long TotalPicodollars,
    PerMessageFees PerMessagePicodollars,
    IReadOnlyList<KeyValuePair<string, long>> ByPayer,
    IReadOnlyList<KeyValuePair<string, long>> ByNode,
    long BasePicodollars,
    long CongestionPicodollars,
    long FeeMismatches,
    long Originated,
    long CongestionUnitsSum,
    IReadOnlyList<KindFees> ByKind)
{
    /// <summary>Mean congestion units per originated envelope (0 when nothing was originated).</summary>
    public double MeanCongestionUnits => Originated == 0 ? 0 : (double)CongestionUnitsSum / Originated;
}
