namespace XmtpSim.Protocol.Fees;

/// <summary>
/// Message counts of one originator for minutes m, m−1, …, m−4 (spec §9.3: <c>w[0..4]</c>), where m is the
/// minute being priced. Missing minutes are 0.
/// </summary>
public readonly record struct CongestionWindow(ulong W0, ulong W1, ulong W2, ulong W3, ulong W4)
{
    /// <summary>No traffic.</summary>
    public static CongestionWindow Quiet => default;

    /// <summary>A steady rate: every minute of the window holds <paramref name="perMinute"/> messages.</summary>
    public static CongestionWindow Steady(ulong perMinute) => new(perMinute, perMinute, perMinute, perMinute, perMinute);
}
