using XmtpSim.Engine.Journal;

namespace XmtpSim.Engine;

/// <summary>
/// Everything a simulated actor may touch of the outside world: the virtual clock, its own random stream,
/// the network, timers, the journal. Actors never read the wall clock, sleep, or Tell each other directly.
/// </summary>
public interface ISimContext
{
    /// <summary>This actor.</summary>
    ActorId Self { get; }

    /// <summary>Who sent the message being handled (<see cref="SimulationEngine.EngineId"/> for timers and injected messages).</summary>
    ActorId Sender { get; }

    /// <summary>Simulated time now, nanoseconds since the run started, including CPU charged in this handler.</summary>
    long Now { get; }

    /// <summary>The virtual wall clock: <see cref="SimTime.Epoch"/> + <see cref="Now"/>.</summary>
    TimeProvider Clock { get; }

    /// <summary>This actor's own seeded stream, derived from (seed, actor name).</summary>
    Random Random { get; }

    /// <summary>0 for the first life; +1 after every restart.</summary>
    int Incarnation { get; }

    /// <summary>Sends through the network model (latency, bandwidth, loss, partitions).</summary>
    void Send(ActorId to, IWireMessage message);

    /// <summary>Starts (or replaces) the timer <paramref name="key"/>: <paramref name="message"/> comes back to this actor after the delay.</summary>
    void StartTimer(string key, long delayNanos, object message);

    /// <summary>Cancels the timer <paramref name="key"/> if it is running.</summary>
    void CancelTimer(string key);

    /// <summary>True while the timer <paramref name="key"/> is pending.</summary>
    bool IsTimerActive(string key);

    /// <summary>Charges CPU time: the actor is busy that long, and what it sends afterwards leaves later.</summary>
    void Charge(long cpuNanos);

    /// <summary>Registers a long-lived stream to <paramref name="peer"/>; the engine reports its loss with <see cref="ConnectionLost"/>.</summary>
    void Connect(ActorId peer);

    /// <summary>Forgets a stream registered with <see cref="Connect"/>.</summary>
    void Disconnect(ActorId peer);

    /// <summary>Appends a protocol event to the journal (in deterministic order).</summary>
    void Journal(JournalEvent journalEvent);

    /// <summary>Asks the engine to change the world (faults). Applied after the current instant's events.</summary>
    void Command(EngineCommand command);
}
