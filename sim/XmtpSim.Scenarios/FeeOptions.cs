namespace XmtpSim.Scenarios;

/// <summary>The RateRegistry entry in force at t = 0 (scenario key <c>fees</c>), in picodollars.</summary>
/// <param name="MessageFee">Flat fee per message, picodollars (default 100).</param>
/// <param name="StorageFee">Per byte per retention day, picodollars (default 200).</param>
/// <param name="CongestionFee">Per congestion unit (0..100), picodollars (default 300).</param>
/// <param name="TargetRatePerMinute">Messages per minute per originator before congestion fees start; 0 disables them (default 6000).</param>
/// <param name="RateChanges">Later entries, in increasing <c>at</c> order (default none).</param>
public sealed record FeeOptions(
    long MessageFee,
    long StorageFee,
    long CongestionFee,
    long TargetRatePerMinute,
    IReadOnlyList<RateChange> RateChanges);
