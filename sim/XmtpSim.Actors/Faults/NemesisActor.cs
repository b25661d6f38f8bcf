using Akka.Actor;
using XmtpSim.Engine;
using XmtpSim.Engine.Hosting;
using XmtpSim.Scenarios.Faults;

namespace XmtpSim.Actors.Faults;

/// <summary>
/// Plays a scenario's fault schedule (faults are data; DESIGN "Faults"): at each fault's <c>at</c> an engine
/// timer fires and the nemesis issues the matching <see cref="EngineCommand"/>, and later the command that ends
/// it (<c>for</c>, <c>restart_after</c>). The engine journals every change as a <c>fault</c> line.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><see cref="PartitionFault"/> → <see cref="EngineCommand.Partition"/> of the nodes' actors; with <c>for</c>,
/// <see cref="EngineCommand.HealAll"/> after it, unless a later partition or heal already replaced it.</item>
/// <item><see cref="HealFault"/> for all → <see cref="EngineCommand.HealAll"/>. For listed nodes: the engine's
/// partition command replaces the whole group map, so the nemesis re-issues the partition in force without those
/// nodes (unlisted actors reach everyone, which is exactly "every cut link touching them restored"), or heals all
/// when fewer than two groups remain or no partition is in force.</item>
/// <item><see cref="CrashFault"/> → <see cref="EngineCommand.Crash"/>, and <see cref="EngineCommand.Restart"/> after
/// <c>restart_after</c> when given.</item>
/// <item><see cref="LatencyFault"/> → <see cref="EngineCommand.AddLatency"/> of one sample of <c>add</c>, drawn
/// from the nemesis's seeded stream when the fault starts (the engine adds a constant per actor; a per-message
/// sample is not expressible), and the same amount taken off after <c>for</c>.</item>
/// <item><see cref="ResetFault"/> → <see cref="EngineCommand.ResetConnections"/>.</item>
/// <item><see cref="ByzantineFault"/> is a node behaviour, not a world change; the scenario validator rejects it,
/// and <see cref="Props"/> throws <see cref="NotSupportedException"/> if one gets here.</item>
/// </list>
/// </remarks>
public sealed class NemesisActor : SimActor
{
    private readonly ISimContext _sim;
    private readonly IReadOnlyList<Fault> _faults;
    private readonly Func<int, ActorId> _nodeActor;
    private readonly Dictionary<int, long> _latencyNanos = [];
    private IReadOnlyList<IReadOnlyList<ActorId>>? _partition;
    private int _partitionOwner = -1;

    /// <summary>Use <see cref="Props"/>.</summary>
    public NemesisActor(ISimContext sim, IReadOnlyList<Fault> faults, Func<int, ActorId> nodeActor)
    {
        _sim = sim;
        _faults = faults;
        _nodeActor = nodeActor;
    }

    /// <inheritdoc />
    protected override void OnMessage(object message)
    {
        switch (message)
        {
            case FaultStarts start:
                Start(start.Index);
                break;
            case FaultEnds end:
                End(end.Index);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    /// <summary>Props for the nemesis.</summary>
    /// <param name="sim">The nemesis's context (its timers and commands).</param>
    /// <param name="faults">The schedule, in file order; equal <c>at</c> times play in that order.</param>
    /// <param name="nodeActor">The actor of a scenario node id.</param>
    public static Props Props(ISimContext sim, IReadOnlyList<Fault> faults, Func<int, ActorId> nodeActor)
    {
        foreach (var fault in faults)
        {
            if (fault is ByzantineFault byzantine)
            {
                throw new NotSupportedException(
                    $"{byzantine.Location}: a byzantine fault ({byzantine.Behaviour} on node {byzantine.Node}) is a node behaviour, not something the nemesis can play; the scenario validator should have rejected it");
            }

            if (fault.At < TimeSpan.Zero)
            {
                throw new ArgumentException($"{fault.Location}: a fault cannot start before t = 0 (at {fault.At})", nameof(faults));
            }
        }

        return SimProps.Of(() => new NemesisActor(sim, faults, nodeActor));
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        for (var i = 0; i < _faults.Count; i++)
        {
            _sim.StartTimer($"start-{i}", Math.Max(0, SimTime.Nanos(_faults[i].At) - _sim.Now), new FaultStarts(i));
        }
    }

    private void Start(int index)
    {
        switch (_faults[index])
        {
            case PartitionFault partition:
                _partition = partition.Groups.Select(g => (IReadOnlyList<ActorId>)g.Select(_nodeActor).ToList()).ToList();
                _partitionOwner = index;
                _sim.Command(new EngineCommand.Partition(_partition));
                EndAfter(index, partition.For);
                break;
            case HealFault heal:
                Heal(heal.Nodes);
                break;
            case CrashFault crash:
                _sim.Command(new EngineCommand.Crash(_nodeActor(crash.Node)));
                EndAfter(index, crash.RestartAfter);
                break;
            case LatencyFault latency:
                var nanos = SimTime.Nanos(latency.Add.Sample(_sim.Random));
                _latencyNanos[index] = nanos;
                _sim.Command(new EngineCommand.AddLatency(Actors(latency.Nodes), nanos));
                EndAfter(index, latency.For);
                break;
            case ResetFault reset:
                _sim.Command(new EngineCommand.ResetConnections(Actors(reset.Nodes)));
                break;
            default:
                throw new NotSupportedException($"{_faults[index].Location}: the nemesis cannot play {_faults[index].GetType().Name}");
        }
    }

    private void End(int index)
    {
        switch (_faults[index])
        {
            case PartitionFault when _partitionOwner == index:
                _partition = null;
                _partitionOwner = -1;
                _sim.Command(new EngineCommand.HealAll());
                break;
            case PartitionFault:
                break; // already healed or replaced by a later partition
            case CrashFault crash:
                _sim.Command(new EngineCommand.Restart(_nodeActor(crash.Node)));
                break;
            case LatencyFault latency:
                _sim.Command(new EngineCommand.AddLatency(Actors(latency.Nodes), -_latencyNanos[index]));
                _latencyNanos.Remove(index);
                break;
            default:
                throw new InvalidOperationException($"{_faults[index].Location}: {_faults[index].GetType().Name} has no end");
        }
    }

    private void Heal(IReadOnlyList<int>? nodes)
    {
        if (nodes is not null && _partition is not null)
        {
            var healed = Actors(nodes).ToHashSet();
            var remaining = _partition.Select(g => (IReadOnlyList<ActorId>)g.Where(a => !healed.Contains(a)).ToList()).Where(g => g.Count > 0).ToList();
            if (remaining.Count >= 2)
            {
                _partition = remaining;
                _sim.Command(new EngineCommand.Partition(remaining));
                return;
            }
        }

        _partition = null;
        _partitionOwner = -1;
        _sim.Command(new EngineCommand.HealAll());
    }

    private void EndAfter(int index, TimeSpan? after)
    {
        if (after is { } length)
        {
            _sim.StartTimer($"end-{index}", SimTime.Nanos(length), new FaultEnds(index));
        }
    }

    private List<ActorId> Actors(IReadOnlyList<int> nodes) => nodes.Select(_nodeActor).ToList();

    private sealed record FaultStarts(int Index);

    private sealed record FaultEnds(int Index);
}
