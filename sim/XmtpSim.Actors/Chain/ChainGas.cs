namespace XmtpSim.Actors.Chain;

/// <summary>
/// Gas of one broadcaster transaction from its payload size: the straight line through the two points of the
/// XIP-49 table (spec §8.5, Arbitrum): 2 KiB (2,048 B) ≈ 96,013 gas and 50 KiB (51,200 B) ≈ 1,287,619 gas.
/// Slope = (1,287,619 − 96,013) / (51,200 − 2,048) = 1,191,606 / 49,152 ≈ 24.2433 gas per byte; intercept =
/// 96,013 − 2,048 × slope ≈ 46,362.75 gas (the fixed cost: intrinsic 21,000, calldata framing, the event and
/// the sequence-counter store). Computed in exact integer arithmetic, rounded half up, so both table points
/// come out exactly.
/// </summary>
public static class ChainGas
{
    /// <summary>First table point: payload bytes.</summary>
    public const long SmallBytes = 2_048;

    /// <summary>First table point: gas.</summary>
    public const long SmallGas = 96_013;

    /// <summary>Second table point: payload bytes.</summary>
    public const long LargeBytes = 51_200;

    /// <summary>Second table point: gas.</summary>
    public const long LargeGas = 1_287_619;

    private const long Run = LargeBytes - SmallBytes;   // 49,152
    private const long Rise = LargeGas - SmallGas;      // 1,191,606

    /// <summary>Gas per byte of payload (≈ 24.2433).</summary>
    public static double SlopeGasPerByte => Rise / (double)Run;

    /// <summary>Gas of an empty payload (≈ 46,362.75).</summary>
    public static double InterceptGas => SmallGas - (SmallBytes * SlopeGasPerByte);

    /// <summary>Gas used by a transaction carrying <paramref name="payloadBytes"/> bytes.</summary>
    public static long ForPayload(int payloadBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(payloadBytes);

        // (SmallGas·Run + (bytes − SmallBytes)·Rise) / Run, rounded half up; the numerator stays positive for
        // every bytes ≥ 0 (SmallGas·Run > SmallBytes·Rise) and below 2^63 for any int payload.
        var numerator = (SmallGas * Run) + ((payloadBytes - SmallBytes) * Rise);
        return (numerator + (Run / 2)) / Run;
    }
}
