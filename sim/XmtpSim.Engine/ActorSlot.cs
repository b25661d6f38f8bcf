using Akka.Actor;
using XmtpSim.Engine.Journal;

namespace XmtpSim.Engine;

/// <summary>
/// The engine's record of one simulated actor, and that actor's <see cref="ISimContext"/>. Everything here is
/// touched only by the actor's own handler (possibly on a worker thread) or by the engine between instants.
/// </summary>
internal sealed class ActorSlot : ISimContext
{
    private static readonly JournalName PartitionReason = JournalName.Of("partition");

    private readonly SimulationEngine _engine;
    private readonly Dictionary<string, long> _timers = [];
    private long _timerGeneration;
    private long _sendCounter;
    private Type? _lastMessageType;
    private JournalName? _lastMessageName;

    public ActorSlot(SimulationEngine engine, ActorId id, Func<ISimContext, Props> factory, ulong seed)
    {
        _engine = engine;
        Self = id;
        Factory = factory;
        Random = SimRandom.ForActor(seed, id.Name);
        Clock = new SimClock(this);
        JournalName = JournalName.Of(id.Name);
        JournalBuffer = new JournalLines(engine.JournalLinesPool);
    }

    public Func<ISimContext, Props> Factory { get; }

    public IActorRef? Ref { get; set; }

    /// <summary>The cell of the current incarnation, which the engine hands deliveries to.</summary>
    public ActorCell? Cell { get; set; }

    /// <summary>True for a <see cref="SimActor"/>, which is handed its deliveries inside their events.</summary>
    public bool TakesEvents { get; set; }

    public bool Alive { get; set; }

    public long BusyUntil { get; set; }

    public HashSet<int> Connections { get; } = [];

    // Outbox, Free and Handled are read for nearly every event an actor handles. Made with a first array here, the
    // arrays sit next to the slot in memory (the collector keeps that order when it compacts) instead of wherever
    // the first event happened to allocate them: on a day of 100,000 clients, fewer reads that miss the cache.
    public List<SimEvent> Outbox { get; } = new(4);

    /// <summary>
    /// Events that arrived while the actor was busy, by the instant they become due. Each entry has one
    /// <see cref="EventKind.Wake"/> event in the engine's queue; within an entry, events go in (source, counter)
    /// order. Moving a whole backlog to a later instant is one dictionary write, however many events wait.
    /// </summary>
    private readonly Dictionary<long, PriorityQueue<SimEvent, (int Source, long Counter)>> _backlogs = [];

    // _backlogs.Count, kept here: nearly every delivery finds no backlog, and this saves reading the table.
    private int _backlogCount;

    /// <summary>Handled events this actor made, ready to be filled in again by its next send or timer.</summary>
    public Stack<SimEvent> Free { get; } = new(4);

    /// <summary>Events this actor handled (delivered, dropped or expired) this instant, for the engine to recycle.</summary>
    public List<SimEvent> Handled { get; } = new(4);

    public JournalLines JournalBuffer { get; }

    /// <summary>This actor's name as written in network lines.</summary>
    public JournalName JournalName { get; }

    public List<EngineCommand> Commands { get; } = [];

    public long Sent { get; set; }

    public long Delivered { get; set; }

    public long Dropped { get; set; }

    public long BytesSent { get; set; }

    public ActorId Self { get; }

    public ActorId Sender { get; set; }

    public long Now { get; set; }

    public TimeProvider Clock { get; }

    public Random Random { get; }

    public int Incarnation { get; set; }

    public void Send(ActorId to, IWireMessage message)
    {
        var type = message.GetType();
        if (type != _lastMessageType)
        {
            // Most actors send runs of one message type: skip the shared cache lookup for a repeat.
            _lastMessageName = JournalName.ForType(type);
            _lastMessageType = type;
        }

        var name = _lastMessageName!;
        Span<long> arrivals = stackalloc long[2];
        var count = _engine.Network.Schedule(Self.Index, to.Index, message.WireBytes, Now, Random, arrivals);
        Sent++;
        BytesSent += message.WireBytes;
        if (count == 0)
        {
            Dropped++;
            JournalBuffer.AddDrop(Now, JournalName, _engine.JournalNameOf(to), name, PartitionReason);
            return;
        }

        for (var i = 0; i < count; i++)
        {
            JournalBuffer.AddSend(Now, JournalName, _engine.JournalNameOf(to), name, message.WireBytes, arrivals[i]);
            var key = new EventKey(arrivals[i], to.Index, Self.Index, ++_sendCounter);
            Outbox.Add(SimEvent.Network(key, message, name, Free.Count > 0 ? Free.Pop() : null));
        }
    }

    public void StartTimer(string key, long delayNanos, object message)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(delayNanos);
        var generation = ++_timerGeneration;
        _timers[key] = generation;
        var eventKey = new EventKey(Now + delayNanos, Self.Index, Self.Index, ++_sendCounter);
        Outbox.Add(SimEvent.Timer(eventKey, message, key, generation, Incarnation, Free.Count > 0 ? Free.Pop() : null));
    }

    public void CancelTimer(string key) => _timers.Remove(key);

    public bool IsTimerActive(string key) => _timers.ContainsKey(key);

    /// <summary>True (and the timer consumed) when a fired timer is still the live one.</summary>
    public bool TakeTimer(SimEvent timer)
    {
        if (timer.Incarnation != Incarnation || timer.TimerKey is null ||
            !_timers.TryGetValue(timer.TimerKey, out var generation) || generation != timer.TimerGeneration)
        {
            return false;
        }

        _timers.Remove(timer.TimerKey);
        return true;
    }

    public void ClearTimers() => _timers.Clear();

    /// <summary>The events deferred to <paramref name="time"/>, taken out of the backlog; null if none.</summary>
    public PriorityQueue<SimEvent, (int Source, long Counter)>? TakeBacklog(long time)
    {
        if (_backlogCount == 0 || !_backlogs.Remove(time, out var backlog))
        {
            return null;
        }

        _backlogCount--;
        return backlog;
    }

    /// <summary>Defers one event to <paramref name="until"/>.</summary>
    public void Defer(SimEvent ev, long until) => BacklogAt(until).Enqueue(ev, (ev.Key.Source, ev.Key.Counter));

    /// <summary>Defers every event of <paramref name="backlog"/> to <paramref name="until"/>.</summary>
    public void DeferAll(PriorityQueue<SimEvent, (int Source, long Counter)> backlog, long until)
    {
        if (!_backlogs.TryGetValue(until, out var existing))
        {
            _backlogs[until] = backlog;
            _backlogCount++;
            ScheduleWake(until);
            return;
        }

        var (into, from) = existing.Count >= backlog.Count ? (existing, backlog) : (backlog, existing);
        into.EnqueueRange(from.UnorderedItems);
        _backlogs[until] = into;
    }

    private PriorityQueue<SimEvent, (int Source, long Counter)> BacklogAt(long until)
    {
        if (!_backlogs.TryGetValue(until, out var backlog))
        {
            _backlogs[until] = backlog = new PriorityQueue<SimEvent, (int Source, long Counter)>();
            _backlogCount++;
            ScheduleWake(until);
        }

        return backlog;
    }

    // A wake carries no message; the slot stands in as its payload.
    private void ScheduleWake(long at) =>
        Outbox.Add(SimEvent.Other(new EventKey(at, Self.Index, Self.Index, 0), EventKind.Wake, this));

    public void Charge(long cpuNanos)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cpuNanos);
        Now += cpuNanos;
    }

    public void Connect(ActorId peer) => Connections.Add(peer.Index);

    public void Disconnect(ActorId peer) => Connections.Remove(peer.Index);

    public void Journal(JournalEvent journalEvent) => JournalBuffer.Add(journalEvent);

    public void Command(EngineCommand command) => Commands.Add(command);

    /// <summary>Queues a local delivery from the engine (connection loss), ordered after this actor's own sends.</summary>
    public SimEvent LocalEvent(long at, object payload, long engineCounter) =>
        SimEvent.Other(new EventKey(at, Self.Index, SimulationEngine.EngineId.Index, engineCounter), EventKind.Local, payload);

    private sealed class SimClock(ActorSlot slot) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => SimTime.Epoch.AddTicks(slot.Now / 100);

        public override long GetTimestamp() => slot.Now;

        public override long TimestampFrequency => SimTime.NanosPerSecond;
    }
}
