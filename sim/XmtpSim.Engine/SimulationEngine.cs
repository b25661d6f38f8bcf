using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using Akka.Actor;
using Akka.Configuration;
using XmtpSim.Engine.Hosting;
using XmtpSim.Engine.Journal;
using XmtpSim.Engine.Network;

namespace XmtpSim.Engine;

/// <summary>
/// Conservative, barrier-synchronised discrete-event simulation over Akka.NET actors. The engine pops every
/// event of the earliest instant, hands each destination its events in key order (destinations may run in
/// parallel; each actor's mailbox runs inline on the handing thread), waits for all handlers to finish,
/// merges what they sent, journaled and commanded in destination order, applies fault commands, and only
/// then advances time. A run is a pure function of (actors, inputs, seed), whatever the thread count.
/// </summary>
public sealed class SimulationEngine : IDisposable
{
    /// <summary>The engine as a sender (timers, injected messages, connection loss).</summary>
    public static readonly ActorId EngineId = new(-1, "engine");

    private static readonly JournalName EngineName = JournalName.Of(EngineId.Name);
    private static readonly JournalName CrashedReason = JournalName.Of("crashed");

    private static readonly Config AkkaConfig = ConfigurationFactory.ParseString($$"""
        akka {
          loglevel = WARNING
          stdout-loglevel = WARNING
          log-dead-letters = off
          log-dead-letters-during-shutdown = off
          log-config-on-start = off
        }
        {{InlineDispatcherConfigurator.Id}} {
          type = "{{typeof(InlineDispatcherConfigurator).AssemblyQualifiedName}}"
          throughput = 1000
        }
        {{EngineMailbox.Id}} {
          mailbox-type = "{{typeof(EngineMailbox).AssemblyQualifiedName}}"
        }
        """);

    private readonly EngineOptions _options;
    private readonly Task<AkkaHost> _akka;
    private readonly List<ActorSlot> _slots = [];

    // Each actor's journal name by index, beside the slots: every send journals its receiver's name, and on a day of
    // 100,000 clients the receiver's slot is rarely in the cache (an array of names is; the slot is read only at delivery).
    private readonly List<JournalName> _journalNames = [];
    private readonly Dictionary<string, ActorSlot> _slotsByName = new(StringComparer.Ordinal);
    private readonly EventQueue _queue = new();
    private readonly JournalWriter _journal;
    private readonly SimRandom _random;
    private readonly List<SimEvent> _batch = [];
    private readonly List<(int Start, int Count)> _groups = [];
    private readonly List<EngineCommand> _pendingCommands = [];
    private long _engineCounter;
    private long _events;
    private Exception? _failure;
    private bool _started;

    /// <summary>Creates an engine writing to <paramref name="journal"/>.</summary>
    public SimulationEngine(EngineOptions options, JournalWriter journal)
    {
        _options = options;
        _journal = journal;
        Network = new NetworkModel(options.Network);
        JournalLinesPool = new JournalLinesPool(concurrent: options.Parallelism > 1);
        _random = SimRandom.ForActor(options.Seed, EngineId.Name);

        // Starting Akka.NET (configuration, guardians, scheduler) takes tens of milliseconds in a fresh process, and
        // nothing needs it until the first actor is spawned: it starts on a thread of its own while the caller
        // registers the actors. It decides nothing about the run: every actor is still spawned, in index order, on
        // the engine's thread.
        _akka = Task.Factory.StartNew(() => AkkaHost.Start(ReportFailure), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Simulated time of the instant being (or last) processed, nanoseconds.</summary>
    public long Now { get; private set; }

    /// <summary>The network model (read by actors' sends).</summary>
    public NetworkModel Network { get; }

    /// <summary>The journal.</summary>
    public JournalWriter Journal => _journal;

    /// <summary>The journal-line buffers the actors borrow while they run.</summary>
    internal JournalLinesPool JournalLinesPool { get; }

    /// <summary>Registered actors, in index order.</summary>
    public IReadOnlyList<ActorId> Actors => _slots.Select(s => s.Self).ToList();

    /// <summary>
    /// Registers an actor. <paramref name="props"/> receives the actor's context and returns its Props; it is
    /// called again on every restart (durable state lives in what the closure captures, volatile state in the actor).
    /// </summary>
    public ActorId Register(string name, Func<ISimContext, Props> props, int region = 0, long uplinkBitsPerSecond = 0)
    {
        if (_started)
        {
            throw new InvalidOperationException("register every actor before Start");
        }

        if (_slotsByName.ContainsKey(name))
        {
            throw new ArgumentException($"actor '{name}' is already registered", nameof(name));
        }

        var id = new ActorId(_slots.Count, name);
        var slot = new ActorSlot(this, id, props, _options.Seed);
        _slots.Add(slot);
        _journalNames.Add(slot.JournalName);
        _slotsByName.Add(name, slot);
        Network.AddActor(region, uplinkBitsPerSecond);
        return id;
    }

    /// <summary>Looks an actor up by name.</summary>
    public ActorId Resolve(string name) =>
        _slotsByName.TryGetValue(name, out var slot) ? slot.Self : throw new KeyNotFoundException($"no actor '{name}'");

    /// <summary>Creates every actor (their PreStart runs at t = 0, in registration order).</summary>
    public void Start()
    {
        if (_started)
        {
            return;
        }

        _started = true;
        foreach (var slot in _slots)
        {
            Spawn(slot);
            Flush(slot);
        }

        ThrowIfFailed();
    }

    /// <summary>Delivers <paramref name="message"/> to <paramref name="to"/> at <paramref name="atNanos"/> from the engine (no network).</summary>
    public void Inject(ActorId to, object message, long atNanos)
    {
        var ev = _slots[to.Index].LocalEvent(atNanos, message, ++_engineCounter);
        _queue.Enqueue(ev);
    }

    /// <summary>Applies <paramref name="command"/> at <paramref name="atNanos"/>, before that instant's messages.</summary>
    public void Schedule(EngineCommand command, long atNanos)
    {
        var ev = SimEvent.Other(new EventKey(atNanos, EngineId.Index, EngineId.Index, ++_engineCounter), EventKind.Command, command);
        _queue.Enqueue(ev);
    }

    /// <summary>Runs until simulated time passes <paramref name="untilNanos"/> or nothing is left to do.</summary>
    /// <param name="untilNanos">Last simulated instant to process.</param>
    /// <param name="progress">Called between instants, at most every 65,536 events, with (simulated ns, events so far).</param>
    public EngineStats Run(long untilNanos, Action<long, long>? progress = null)
    {
        Start();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Parallelism) };
        var nextProgress = 1L << 16;
        while (_queue.TryPeekKey(out var head) && head.Time <= untilNanos)
        {
            RunInstant(head.Time, parallel);
            if (progress is not null && _events >= nextProgress)
            {
                progress(Now, _events);
                nextProgress = _events + (1L << 16);
            }
        }

        return Stats();
    }

    /// <summary>
    /// One instant: takes every event due at <paramref name="time"/>, applies its engine commands, hands each
    /// destination its events, then merges what the handlers sent, journaled and commanded. A method of its own
    /// (not the body of <see cref="Run"/>'s loop) so the JIT compiles it fully, rather than patching a
    /// long-running loop on the stack.
    /// </summary>
    private void RunInstant(long time, ParallelOptions parallel)
    {
        Now = time;
        _batch.Clear();
        while (_queue.TryPeekKey(out var key) && key.Time == Now)
        {
            var ev = _queue.Dequeue();
            _events += ev.Kind == EventKind.Wake ? 0 : 1;
            _batch.Add(ev);
        }

        var firstActorEvent = 0;
        while (firstActorEvent < _batch.Count && _batch[firstActorEvent].Kind == EventKind.Command)
        {
            Apply((EngineCommand)_batch[firstActorEvent].Payload);
            firstActorEvent++;
        }

        GroupByDestination(firstActorEvent);
        if (_options.Parallelism > 1 && _groups.Count > 1 && _batch.Count - firstActorEvent >= _options.ParallelThreshold)
        {
            Parallel.For(0, _groups.Count, parallel, ProcessGroup);
        }
        else
        {
            for (var g = 0; g < _groups.Count; g++)
            {
                ProcessGroup(g);
            }
        }

        ThrowIfFailed();
        foreach (var (start, _) in _groups)
        {
            var slot = _slots[_batch[start].Key.Destination];
            Recycle(slot);
            Flush(slot);
        }

        if (_pendingCommands.Count > 0)
        {
            foreach (var command in _pendingCommands.ToList())
            {
                Apply(command);
            }

            _pendingCommands.Clear();
        }

        HintUpcoming();
    }

    /// <summary>
    /// Asks the processor to start loading what the next instants will read first: the slots of the events at the
    /// heap's positions 1 to 4 (the event after the next is one of them, unless a handler queues an earlier one),
    /// and for the next event, whose slot was hinted an instant ago, its actor cell and the event itself. With
    /// 100,000 clients these objects are rarely in the cache, and an instant lasts microseconds, so the loads
    /// finish while the engine works on something else. Prefetching changes nothing but timing: no outcome can
    /// depend on it.
    /// </summary>
    private void HintUpcoming()
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        if (_queue.TryPeekAt(0, out var key, out var next) && key.Destination >= 0)
        {
            Prefetch(_slots[key.Destination].Cell, lines: 2);
            Prefetch(next, lines: 1);
        }

        for (var i = 1; i <= 4; i++)
        {
            if (_queue.TryPeekAt(i, out key, out _) && key.Destination >= 0)
            {
                Prefetch(_slots[key.Destination], lines: 2);
            }
        }
    }

    // A prefetch is only a hint: an address the collector has since moved, or one past an object's end, is harmless.
    private static unsafe void Prefetch(object? target, int lines)
    {
        if (target is null)
        {
            return;
        }

        var address = (byte*)Unsafe.As<object, nint>(ref target);
        for (var line = 0; line < lines; line++)
        {
            Sse.Prefetch0(address + (64 * line));
        }
    }

    /// <summary>Counters so far.</summary>
    public EngineStats Stats() => new(
        _events,
        _slots.Sum(s => s.Sent),
        _slots.Sum(s => s.Delivered),
        _slots.Sum(s => s.Dropped),
        _slots.Sum(s => s.BytesSent),
        _journal.Count,
        Now);

    /// <inheritdoc />
    public void Dispose()
    {
        // Waits for the start-up to end, without throwing: a start-up failure was thrown where the system was first
        // needed (Start), and there is no system to stop then.
        ((Task)_akka).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();
        var system = _akka.IsCompletedSuccessfully ? Akka.System : null;
        system?.Terminate().Wait(TimeSpan.FromSeconds(10));
        foreach (var slot in _slots)
        {
            slot.JournalBuffer.Dispose();
        }

        system?.Dispose();
    }

    // The actor system, once started (waits for it the first time; a start-up failure is thrown here).
    private AkkaHost Akka => _akka.GetAwaiter().GetResult();

    /// <summary>
    /// Returns the message and timer events <paramref name="slot"/> handled this instant to the actors that made
    /// them. Runs between instants on the engine's thread, so a free list is only touched by one thread at a time.
    /// </summary>
    private void Recycle(ActorSlot slot)
    {
        foreach (var ev in slot.Handled)
        {
            if (ev.Key.Source >= 0 && ev.Kind is EventKind.Message or EventKind.Timer)
            {
                ev.Release();
                _slots[ev.Key.Source].Free.Push(ev);
            }
        }

        slot.Handled.Clear();
    }

    private void GroupByDestination(int from)
    {
        _groups.Clear();
        var start = from;
        for (var i = from + 1; i <= _batch.Count; i++)
        {
            if (i == _batch.Count || _batch[i].Key.Destination != _batch[start].Key.Destination)
            {
                _groups.Add((start, i - start));
                start = i;
            }
        }
    }

    private void ProcessGroup(int group)
    {
        var (start, count) = _groups[group];
        var slot = _slots[_batch[start].Key.Destination];
        var backlog = slot.TakeBacklog(Now);
        if (backlog is null)
        {
            for (var i = start; i < start + count && _failure is null; i++)
            {
                if (_batch[i].Kind != EventKind.Wake)
                {
                    Deliver(slot, _batch[i]);
                }
            }

            return;
        }

        // Events deferred to this instant compete with this instant's arrivals in (source, counter) order,
        // exactly as if each had been re-queued for this instant.
        for (var i = start; i < start + count; i++)
        {
            var ev = _batch[i];
            if (ev.Kind != EventKind.Wake)
            {
                backlog.Enqueue(ev, (ev.Key.Source, ev.Key.Counter));
            }
        }

        while (_failure is null && backlog.Count > 0)
        {
            if (slot.Alive && slot.BusyUntil > Now)
            {
                // Busy again: everything left moves, as one, to when the actor is next free.
                slot.DeferAll(backlog, slot.BusyUntil);
                return;
            }

            var ev = backlog.Dequeue();
            ev.Key = ev.Key with { Time = Now };
            Deliver(slot, ev);
        }
    }

    private void Deliver(ActorSlot slot, SimEvent ev)
    {
        if (slot.Alive && slot.BusyUntil > ev.Key.Time)
        {
            // The actor is still working (charged CPU): the event waits in its backlog, keeping its order.
            slot.Defer(ev, slot.BusyUntil);
            return;
        }

        slot.Handled.Add(ev);
        var sender = ev.Key.Source >= 0 ? _slots[ev.Key.Source].Self : EngineId;
        if (!slot.Alive)
        {
            if (ev.Kind == EventKind.Message)
            {
                slot.Dropped++;
                slot.JournalBuffer.AddDrop(ev.Key.Time, JournalNameOf(sender), slot.JournalName, ev.MessageName!, CrashedReason);
            }

            return;
        }

        if (ev.Kind == EventKind.Timer && !slot.TakeTimer(ev))
        {
            return; // cancelled, replaced, or set by a previous incarnation
        }

        slot.Now = ev.Key.Time;
        slot.Sender = sender;
        if (ev.Kind == EventKind.Message)
        {
            slot.Delivered++;
            slot.JournalBuffer.AddDeliver(ev.Key.Time, JournalNameOf(sender), slot.JournalName, ev.MessageName!);
        }

        slot.Cell!.SendMessage(new Envelope(slot.TakesEvents ? ev : ev.Payload, ActorRefs.NoSender));
        slot.BusyUntil = slot.Now;
    }

    /// <summary>The journal name of actor <paramref name="id"/>.</summary>
    internal JournalName JournalNameOf(ActorId id) => id.Index >= 0 ? _journalNames[id.Index] : EngineName;

    private void Flush(ActorSlot slot)
    {
        foreach (var ev in slot.Outbox)
        {
            _queue.Enqueue(ev);
        }

        slot.Outbox.Clear();
        _journal.AppendLines(slot.JournalBuffer);
        slot.JournalBuffer.Clear();
        _pendingCommands.AddRange(slot.Commands);
        slot.Commands.Clear();
    }

    private void Apply(EngineCommand command)
    {
        switch (command)
        {
            case EngineCommand.Partition partition:
                Network.Partition(partition.Groups.Select(g => (IReadOnlyList<int>)g.Select(a => a.Index).ToList()).ToList());
                _journal.Append(new FaultEvent(Now, "partition", string.Join(" | ", partition.Groups.Select(g => string.Join(",", g.Select(a => a.Name))))));
                BreakBlockedConnections("partition", Network.Options.PartitionDetectionNanos);
                break;
            case EngineCommand.BlockOneWay block:
                Network.BlockOneWay(block.From.Index, block.To.Index);
                _journal.Append(new FaultEvent(Now, "block", $"{block.From.Name}->{block.To.Name}"));
                BreakBlockedConnections("partition", Network.Options.PartitionDetectionNanos);
                break;
            case EngineCommand.HealAll:
                Network.HealAll();
                _journal.Append(new FaultEvent(Now, "heal", "all"));
                break;
            case EngineCommand.Crash crash:
                CrashActor(_slots[crash.Actor.Index]);
                break;
            case EngineCommand.Restart restart:
                RestartActor(_slots[restart.Actor.Index]);
                break;
            case EngineCommand.AddLatency latency:
                foreach (var actor in latency.Actors)
                {
                    Network.AddLatency(actor.Index, latency.Nanos);
                }

                _journal.Append(new FaultEvent(Now, "latency", $"{string.Join(",", latency.Actors.Select(a => a.Name))} {latency.Nanos}ns"));
                break;
            case EngineCommand.ResetConnections reset:
                var members = reset.Actors.Select(a => a.Index).ToHashSet();
                _journal.Append(new FaultEvent(Now, "reset", string.Join(",", reset.Actors.Select(a => a.Name))));
                foreach (var index in members.Order())
                {
                    foreach (var peer in _slots[index].Connections.Where(members.Contains).Order().ToList())
                    {
                        LoseConnection(_slots[index], _slots[peer], "reset", Network.Options.MinimumLatencyNanos);
                    }
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command, "unknown engine command");
        }

        ThrowIfFailed();
    }

    private void CrashActor(ActorSlot slot)
    {
        if (!slot.Alive)
        {
            return;
        }

        _journal.Append(new FaultEvent(Now, "crash", slot.Self.Name));
        slot.Alive = false;
        slot.ClearTimers();
        slot.Outbox.RemoveAll(ev => ev.Kind != EventKind.Wake); // unsent work dies; deferred arrivals still come due (and drop)
        Akka.System.Stop(slot.Ref!);
        foreach (var other in _slots.Where(s => s.Alive && s.Connections.Contains(slot.Self.Index)))
        {
            // The crashed process's sockets close: peers see EOF after a one-way delay.
            var delay = Math.Max(Network.Options.DefaultLatency.SampleNanos(_random), Network.Options.MinimumLatencyNanos);
            LoseConnection(other, slot, "peer crashed", delay);
        }

        slot.Connections.Clear();
    }

    private void RestartActor(ActorSlot slot)
    {
        if (slot.Alive)
        {
            return;
        }

        slot.Incarnation++;
        slot.BusyUntil = Now;
        slot.Now = Now;
        slot.Sender = EngineId;
        _journal.Append(new FaultEvent(Now, "restart", slot.Self.Name));
        Spawn(slot);
        Flush(slot);
    }

    private void Spawn(ActorSlot slot)
    {
        slot.Now = Now;
        slot.Sender = EngineId;
        slot.Alive = true;
        var props = slot.Factory(slot);
        var name = slot.Incarnation == 0 ? slot.Self.Name : $"{slot.Self.Name}~{slot.Incarnation}";
        Akka.Root.Tell(new SimRootActor.Spawn(props, name, created => slot.Ref = created));
        if (slot.Ref is null)
        {
            throw new InvalidOperationException($"actor '{slot.Self.Name}' was not created inline");
        }

        // A delivery goes to the cell behind the ref: what Tell on a local ref does, without the two calls through the
        // ref (whose object, on a day of 100,000 clients, is one more read that is never in the cache).
        slot.Cell = slot.Ref is ActorRefWithCell { Underlying: ActorCell cell }
            ? cell
            : throw new InvalidOperationException($"actor '{slot.Self.Name}' is not a local actor");
        slot.TakesEvents = props.Type.IsAssignableTo(typeof(SimActor));
    }

    private void BreakBlockedConnections(string reason, long detectionNanos)
    {
        foreach (var slot in _slots)
        {
            foreach (var peer in slot.Connections.Where(p => Network.IsBlocked(slot.Self.Index, p) || Network.IsBlocked(p, slot.Self.Index)).Order().ToList())
            {
                LoseConnection(slot, _slots[peer], reason, detectionNanos);
            }
        }
    }

    private void LoseConnection(ActorSlot holder, ActorSlot peer, string reason, long delayNanos)
    {
        holder.Connections.Remove(peer.Self.Index);
        var ev = holder.LocalEvent(Now + delayNanos, new ConnectionLost(peer.Self, reason), ++_engineCounter);
        _queue.Enqueue(ev);
    }

    private void ReportFailure(Exception exception) => Interlocked.CompareExchange(ref _failure, exception, null);

    private void ThrowIfFailed()
    {
        if (_failure is not null)
        {
            throw new SimulationFailedException($"an actor failed at t={SimTime.Format(Now)}: {_failure.Message}", _failure);
        }
    }

    private sealed record AkkaHost(ActorSystem System, IActorRef Root)
    {
        public static AkkaHost Start(Action<Exception> reportFailure)
        {
            var system = ActorSystem.Create("xmtpsim", AkkaConfig);
            try
            {
                var root = system.ActorOf(SimRootActor.Props(reportFailure), "sim");

                // A top-level actor is activated by the guardian on the thread pool; wait for that once, so that
                // from here on every Tell to the root (and its children) runs inline on the engine's thread.
                root.Ask<ActorIdentity>(new Identify("ready"), TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
                return new AkkaHost(system, root);
            }
            catch
            {
                system.Dispose();
                throw;
            }
        }
    }
}
