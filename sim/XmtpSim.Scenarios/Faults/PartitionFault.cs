namespace XmtpSim.Scenarios.Faults;

/// <summary>
/// <c>{ at, partition: [[ids], [ids], …], for? }</c>: node-to-node links between different groups
/// are cut, in both directions. Nodes in no group keep all their links. The partition lasts until
/// <c>at + for</c>, or until a <see cref="HealFault"/> restores the cut links; it must end by
/// <c>duration</c>.
/// </summary>
/// <param name="At">Start, simulated time.</param>
/// <param name="Groups">Disjoint groups of node ids.</param>
/// <param name="For">Optional length after which the partition heals by itself.</param>
/// <param name="Location">Where it was written.</param>
public sealed record PartitionFault(TimeSpan At, IReadOnlyList<IReadOnlyList<int>> Groups, TimeSpan? For, SourceLocation Location)
    : Fault(At, Location)
{
    /// <inheritdoc />
    public override TimeSpan? Until => For is { } f ? At + f : null;
}
