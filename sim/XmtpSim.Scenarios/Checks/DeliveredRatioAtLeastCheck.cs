namespace XmtpSim.Scenarios.Checks;

/// <summary><c>{ delivered_ratio_at_least: fraction }</c>: delivered / expected deliveries is at least <see cref="Ratio"/> (0..1).</summary>
public sealed record DeliveredRatioAtLeastCheck(double Ratio) : Check
{
    /// <inheritdoc />
    public override string Key => "delivered_ratio_at_least";
}
