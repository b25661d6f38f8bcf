namespace XmtpSim.Scenarios.Faults;

/// <summary>
/// <c>{ at, heal: all }</c> restores every cut link; <c>{ at, heal: [ids] }</c> restores every cut
/// link that touches one of the listed nodes. Instantaneous.
/// </summary>
/// <param name="At">When, simulated time.</param>
/// <param name="Nodes">The nodes to reconnect, or null for all.</param>
/// <param name="Location">Where it was written.</param>
public sealed record HealFault(TimeSpan At, IReadOnlyList<int>? Nodes, SourceLocation Location) : Fault(At, Location)
{
    /// <summary>Whether this heal restores every link.</summary>
    public bool All => Nodes is null;

    /// <inheritdoc />
    public override TimeSpan? Until => null;
}
