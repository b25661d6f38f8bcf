using XmtpSim.Engine.Journal;

namespace XmtpSim.Engine;

/// <summary>
/// One scheduled event: a network message, a timer, or an engine command. Message and timer events are reused:
/// once handled, the engine returns them (between instants, on its own thread) to the free list of the actor
/// that made them, which fills them in again for its next send.
/// <para>
/// The engine hands the event itself to the actor's mailbox, and <see cref="SimActor"/> gives its handler the
/// <see cref="Message"/>. An event is old to the garbage collector after its first reuse, and a message is
/// usually new: handing the event keeps Akka.NET's cell and mailbox, which hold what they are handed while it
/// runs, from being written with new objects, each write a card the next collection scans (one per actor
/// that received anything since the last, on a day of 100,000 clients). Nothing outside the engine and the
/// handler it is running holds an event.
/// </para>
/// </summary>
public sealed class SimEvent
{
    internal EventKey Key;

    internal EventKind Kind;

    internal object Payload = null!;

    /// <summary>For network messages (made only by <c>ActorSlot.Send</c>, which sets it): the payload's type name as journaled.</summary>
    internal JournalName? MessageName;

    /// <summary>For timers: the key, generation and the incarnation that set it.</summary>
    internal string? TimerKey;

    internal long TimerGeneration;

    internal int Incarnation;

    private SimEvent()
    {
    }

    /// <summary>The message or timer payload being delivered.</summary>
    public object Message => Payload;

    internal static SimEvent Network(EventKey key, object payload, JournalName name, SimEvent? reuse) =>
        Fill(reuse ?? new SimEvent(), key, EventKind.Message, payload, name, null, 0, 0);

    internal static SimEvent Timer(EventKey key, object payload, string timerKey, long generation, int incarnation, SimEvent? reuse) =>
        Fill(reuse ?? new SimEvent(), key, EventKind.Timer, payload, null, timerKey, generation, incarnation);

    internal static SimEvent Other(EventKey key, EventKind kind, object payload) =>
        Fill(new SimEvent(), key, kind, payload, null, null, 0, 0);

    /// <summary>Drops what the event refers to, so a free event keeps no message alive.</summary>
    internal void Release()
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
