namespace XmtpSim.Scenarios.Checks;

/// <summary><c>{ latency_p99_below: duration }</c>: the publish-to-delivery p99 over all clients is below <see cref="Limit"/>.</summary>
public sealed record LatencyP99BelowCheck(TimeSpan Limit) : Check
{
    /// <inheritdoc />
    public override string Key => "latency_p99_below";
}
