namespace XmtpSim.Protocol.Fees;

/// <summary>
/// One RateRegistry entry (spec §1.2, §9.2): fees in picodollars, the congestion target in messages per
/// minute per originator, and the Unix second from which the entry applies.
/// </summary>
public sealed record Rates(ulong MessageFee, ulong StorageFee, ulong CongestionFee, ulong TargetRatePerMinute, ulong StartTime)
{
    /// <summary>The mainnet/testnet starting values: 100 / 200 / 300 picodollars, 6,000 msg/min, from t = 0.</summary>
    public static Rates MainnetStart { get; } = new(100, 200, 300, 6000, 0);

    /// <summary>True when the four rates (not the start time) equal those of <paramref name="other"/>.</summary>
    public bool SameRatesAs(Rates other) =>
        MessageFee == other.MessageFee && StorageFee == other.StorageFee &&
        CongestionFee == other.CongestionFee && TargetRatePerMinute == other.TargetRatePerMinute;
}
