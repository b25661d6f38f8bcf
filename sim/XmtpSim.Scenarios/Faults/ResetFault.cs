namespace XmtpSim.Scenarios.Faults;

/// <summary>
/// <c>{ at, reset: [ids] }</c>: break the connections between every pair of the listed nodes
/// (usually two); streams reconnect and resume from their cursors. Instantaneous.
/// </summary>
/// <param name="At">When, simulated time.</param>
/// <param name="Nodes">Two or more node ids.</param>
/// <param name="Location">Where it was written.</param>
public sealed record ResetFault(TimeSpan At, IReadOnlyList<int> Nodes, SourceLocation Location) : Fault(At, Location)
{
    /// <inheritdoc />
    public override TimeSpan? Until => null;
}
