using XmtpSim.Scenarios.Distributions;

namespace XmtpSim.Scenarios.Faults;

/// <summary>
/// <c>{ at, latency: { nodes: [ids], add: duration-or-dist }, for? }</c>: every message to or from
/// the listed nodes takes an extra <see cref="Add"/> (sampled per message) until <c>at + for</c>,
/// or for the rest of the run without <c>for</c>.
/// </summary>
/// <param name="At">Start, simulated time.</param>
/// <param name="Nodes">Affected node ids.</param>
/// <param name="Add">Extra one-way latency per message.</param>
/// <param name="For">Optional length.</param>
/// <param name="Location">Where it was written.</param>
public sealed record LatencyFault(TimeSpan At, IReadOnlyList<int> Nodes, DurationDistribution Add, TimeSpan? For, SourceLocation Location)
    : Fault(At, Location)
{
    /// <inheritdoc />
    public override TimeSpan? Until => For is { } f ? At + f : null;
}
