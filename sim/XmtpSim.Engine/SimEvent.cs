using XmtpSim.Engine.Journal;

namespace XmtpSim.Engine;

/// <summary>
/// One scheduled event: a network message, a timer, or an engine command. Message and timer events are reused:
/// once handled, the engine returns them (between instants, on its own thread) to the free list of the actor
/// that made them, which fills them in again for its next send. Nothing outside the engine holds an event.
/// </summary>
internal sealed class SimEvent
{
    public EventKey Key;

    public EventKind Kind;

    public object Payload = null!;

    /// <summary>For network messages (made only by <c>ActorSlot.Send</c>, which sets it): the payload's type name as journaled.</summary>
    public JournalName? MessageName;

    /// <summary>For timers: the key, generation and the incarnation that set it.</summary>
    public string? TimerKey;

    public long TimerGeneration;

    public int Incarnation;

    public static SimEvent Message(EventKey key, object payload, JournalName name, SimEvent? reuse) =>
        Fill(reuse ?? new SimEvent(), key, EventKind.Message, payload, name, null, 0, 0);

    public static SimEvent Timer(EventKey key, object payload, string timerKey, long generation, int incarnation, SimEvent? reuse) =>
        Fill(reuse ?? new SimEvent(), key, EventKind.Timer, payload, null, timerKey, generation, incarnation);

    public static SimEvent Other(EventKey key, EventKind kind, object payload) =>
        Fill(new SimEvent(), key, kind, payload, null, null, 0, 0);

    /// <summary>Drops what the event refers to, so a free event keeps no message alive.</summary>
    public void Release()
    {
        Payload = null!;
        MessageName = null;
        TimerKey = null;
    }

    private static SimEvent Fill(
        SimEvent ev, EventKey key, EventKind kind, object payload, JournalName? name, string? timerKey, long generation, int incarnation)
    {
        ev.Key = key;
        ev.Kind = kind;
        ev.Payload = payload;
        ev.MessageName = name;
        ev.TimerKey = timerKey;
        ev.TimerGeneration = generation;
        ev.Incarnation = incarnation;
        return ev;
    }
}

/// <summary>What an event is.</summary>
internal enum EventKind
{
    Message,
    Timer,
    Local,
    Command,

    /// <summary>A busy actor's deferred events become due (see <c>ActorSlot.Defer</c>).</summary>
    Wake,
}
