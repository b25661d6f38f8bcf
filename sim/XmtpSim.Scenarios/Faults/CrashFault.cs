namespace XmtpSim.Scenarios.Faults;

/// <summary>
/// <c>{ at, crash: id, restart_after? }</c>: the node stops (volatile state lost, durable store kept)
/// and restarts after <see cref="RestartAfter"/>; without it the node stays down for the rest of the
/// run and checks treat it as not live.
/// </summary>
/// <param name="At">When it crashes, simulated time.</param>
/// <param name="Node">The node id.</param>
/// <param name="RestartAfter">Downtime before the restart, or null for a permanent crash.</param>
/// <param name="Location">Where it was written.</param>
public sealed record CrashFault(TimeSpan At, int Node, TimeSpan? RestartAfter, SourceLocation Location) : Fault(At, Location)
{
    /// <inheritdoc />
    public override TimeSpan? Until => RestartAfter is { } r ? At + r : null;
}
