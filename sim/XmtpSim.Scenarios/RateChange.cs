namespace XmtpSim.Scenarios;

/// <summary>
/// A new RateRegistry entry taking effect at simulated time <see cref="At"/> (one item of
/// <c>fees.rate_changes</c>). Fields left null keep the value in force before it.
/// Fees are in picodollars; the target rate is messages per minute per originator.
/// </summary>
public sealed record RateChange(
    TimeSpan At,
    long? MessageFee,
    long? StorageFee,
    long? CongestionFee,
    long? TargetRatePerMinute);
