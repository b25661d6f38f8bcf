using XmtpSim.Engine.Journal;

namespace XmtpSim.Engine;

/// <summary>One scheduled event: a network message, a timer, or an engine command.</summary>
internal sealed class SimEvent
{
    public required EventKey Key { get; set; }

    public required EventKind Kind { get; init; }

    public required object Payload { get; init; }

    /// <summary>For network messages (made only by <c>ActorSlot.Send</c>, which sets it): the payload's type name as journaled.</summary>
    public JournalName? MessageName { get; init; }

    /// <summary>For timers: the key, generation and the incarnation that set it.</summary>
    public string? TimerKey { get; init; }

    public long TimerGeneration { get; init; }

    public int Incarnation { get; init; }
}

/// <summary>What an event is.</summary>
internal enum EventKind
{
    Message,
    Timer,
    Local,
    Command,
}
