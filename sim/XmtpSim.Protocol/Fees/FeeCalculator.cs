namespace XmtpSim.Protocol.Fees;

/// <summary>
/// The fee formulas of xmtpd's calculator (spec §9.3), to the integer:
/// <c>base = messageFee + storageFee × S × D</c>, <c>congestion = congestionFee × U</c>, where S is the
/// serialized PayerEnvelope size in bytes, D the retention days and U the congestion units 0..100.
/// All amounts are picodollars in the signed 64-bit range xmtpd uses; overflow is an error.
/// </summary>
public static class FeeCalculator
{
    /// <summary>Units at and above 1.5 × target.</summary>
    public const int MaxCongestionUnits = 100;

    private static readonly double CurveDenominator = Math.Exp(2.0) - 1.0;

    /// <summary>Base fee for <paramref name="payerEnvelopeBytes"/> bytes kept <paramref name="retentionDays"/> days.</summary>
    public static long BaseFee(Rates rates, long payerEnvelopeBytes, long retentionDays)
    {
        if (payerEnvelopeBytes <= 0)
        {
            throw new FeeCalculationException($"payer envelope size must be positive, got {payerEnvelopeBytes}");
        }

        if (retentionDays <= 0)
        {
            throw new FeeCalculationException($"retention days must be positive, got {retentionDays}");
        }

        try
        {
            checked
            {
                var storage = (long)rates.StorageFee * payerEnvelopeBytes * retentionDays;
                return (long)rates.MessageFee + storage;
            }
        }
        catch (OverflowException ex)
        {
            throw new FeeCalculationException(
                $"base fee overflows 64-bit picodollars ({rates.MessageFee} + {rates.StorageFee} × {payerEnvelopeBytes} B × {retentionDays} d)", ex);
        }
    }

    /// <summary>Congestion units 0..100 for a window against <paramref name="targetRatePerMinute"/>.</summary>
    public static int CongestionUnits(CongestionWindow window, ulong targetRatePerMinute)
    {
        if (targetRatePerMinute == 0)
        {
            return 0;
        }

        var t = targetRatePerMinute;
        var avg4 = WeightedAverage4(window);
        if (window.W0 <= t && window.W1 <= t && avg4 <= t)
        {
            return 0;
        }

        var peak = Math.Max((double)Math.Max(window.W0, window.W1), (double)avg4);
        var ratio = peak / t;
        if (ratio <= 1.0)
        {
            return 0;
        }

        if (ratio >= 1.5)
        {
            return MaxCongestionUnits;
        }

        return (int)Math.Truncate(100.0 * (Math.Exp(4.0 * (ratio - 1.0)) - 1.0) / CurveDenominator);
    }

    // (4·W1 + 3·W2 + 2·W3 + W4) / 10, exact: in 64 bits when no count can overflow them (every real window),
    // else in 128 bits. UInt128 stays out of CongestionUnits, whose every call would otherwise start in the JIT.
    private static ulong WeightedAverage4(CongestionWindow window)
    {
        const ulong Safe = ulong.MaxValue / 10;
        return window.W1 <= Safe && window.W2 <= Safe && window.W3 <= Safe && window.W4 <= Safe
            ? (window.W1 * 4 + window.W2 * 3 + window.W3 * 2 + window.W4) / 10
            : WeightedAverage4Wide(window);
    }

    private static ulong WeightedAverage4Wide(CongestionWindow window) =>
        (ulong)(((UInt128)window.W1 * 4 + (UInt128)window.W2 * 3 + (UInt128)window.W3 * 2 + window.W4) / 10);

    /// <summary>Congestion fee: <c>congestionFee × U</c>.</summary>
    public static long CongestionFee(Rates rates, int congestionUnits)
    {
        try
        {
            return checked((long)rates.CongestionFee * congestionUnits);
        }
        catch (OverflowException ex)
        {
            throw new FeeCalculationException($"congestion fee overflows 64-bit picodollars ({rates.CongestionFee} × {congestionUnits})", ex);
        }
    }

    /// <summary>The whole quote for one message.</summary>
    public static FeeQuote Quote(Rates rates, long payerEnvelopeBytes, long retentionDays, CongestionWindow window)
    {
        var baseFee = BaseFee(rates, payerEnvelopeBytes, retentionDays);
        var units = CongestionUnits(window, rates.TargetRatePerMinute);
        var congestionFee = CongestionFee(rates, units);
        try
        {
            return new FeeQuote(baseFee, units, congestionFee, checked(baseFee + congestionFee));
        }
        catch (OverflowException ex)
        {
            throw new FeeCalculationException("total fee overflows 64-bit picodollars", ex);
        }
    }
}
