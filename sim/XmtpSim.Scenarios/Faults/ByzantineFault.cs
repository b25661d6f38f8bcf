namespace XmtpSim.Scenarios.Faults;

/// <summary>
/// <c>{ at, byzantine: { node, behaviour, probability, peers?, topics?, payers? }, for? }</c>: the node
/// misbehaves on each eligible act with <see cref="Probability"/>. Parsed, but rejected by
/// <see cref="ScenarioValidator"/> until the engine supports it.
/// </summary>
/// <param name="At">Start, simulated time.</param>
/// <param name="Node">The misbehaving node id.</param>
/// <param name="Behaviour">What it does.</param>
/// <param name="Probability">Chance 0..1 per eligible act (default 1).</param>
/// <param name="Peers">For <c>withhold</c>: the node ids it withholds from.</param>
/// <param name="Topics">For <c>censor</c>: topics it drops (hex or label, as written).</param>
/// <param name="Payers">For <c>censor</c>: payers it drops (gateway names or addresses, as written).</param>
/// <param name="For">Optional length; otherwise until the end of the run.</param>
/// <param name="Location">Where it was written.</param>
public sealed record ByzantineFault(
    TimeSpan At,
    int Node,
    ByzantineBehaviour Behaviour,
    double Probability,
    IReadOnlyList<int> Peers,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Payers,
    TimeSpan? For,
    SourceLocation Location) : Fault(At, Location)
{
    /// <inheritdoc />
    public override TimeSpan? Until => For is { } f ? At + f : null;
}
