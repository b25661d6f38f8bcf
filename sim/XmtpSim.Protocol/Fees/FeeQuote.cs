namespace XmtpSim.Protocol.Fees;

/// <summary>The fee of one message, picodollars (10^12 per dollar).</summary>
public sealed record FeeQuote(long BaseFeePicodollars, int CongestionUnits, long CongestionFeePicodollars, long TotalPicodollars)
{
    /// <summary>Picodollars per dollar.</summary>
    public const long PicodollarsPerDollar = 1_000_000_000_000;

    /// <summary>Exact dollars of a picodollar amount.</summary>
    public static decimal ToDollars(long picodollars) => picodollars / (decimal)PicodollarsPerDollar;
}
