namespace XmtpSim.Protocol.Fees;

/// <summary>
/// The fee of one message, picodollars (10^12 per dollar). A value: every node prices every envelope it stores,
/// tens of millions of quotes on a simulated day, and none outlives the statement that reads it.
/// </summary>
public readonly record struct FeeQuote(long BaseFeePicodollars, int CongestionUnits, long CongestionFeePicodollars, long TotalPicodollars)
{
    /// <summary>Picodollars per dollar.</summary>
    public const long PicodollarsPerDollar = 1_000_000_000_000;

    /// <summary>Exact dollars of a picodollar amount.</summary>
    public static decimal ToDollars(long picodollars) => picodollars / (decimal)PicodollarsPerDollar;
}
