using XmtpSim.Engine;
using XmtpSim.Engine.Journal;

namespace XmtpSim.Actors.Tests;

/// <summary>
/// An <see cref="ISimContext"/> the test drives by hand: it sets the virtual time and the sender, and
/// reads back what the actor sent, which timers it started and what it journaled.
/// </summary>
internal sealed class FakeSimContext(ActorId self) : ISimContext
{
    public ActorId Self { get; } = self;

    public ActorId Sender { get; set; } = SimulationEngine.EngineId;

    public long Now { get; set; }

    public TimeProvider Clock => TimeProvider.System;

    public Random Random { get; } = new SimRandom(7);

    public int Incarnation => 0;

    public List<(ActorId To, IWireMessage Message, long At)> Sent { get; } = [];

    public Dictionary<string, (long Due, object Message)> Timers { get; } = [];

    public List<JournalEvent> Journaled { get; } = [];

    public long Charged { get; private set; }

    public void Send(ActorId to, IWireMessage message) => Sent.Add((to, message, Now));

    public void StartTimer(string key, long delayNanos, object message) => Timers[key] = (Now + delayNanos, message);

    public void CancelTimer(string key) => Timers.Remove(key);

    public bool IsTimerActive(string key) => Timers.ContainsKey(key);

    public void Charge(long cpuNanos)
    {
        Charged += cpuNanos;
        Now += cpuNanos;
    }

    public void Connect(ActorId peer)
    {
    }

    public void Disconnect(ActorId peer)
    {
    }

    public void Journal(JournalEvent journalEvent) => Journaled.Add(journalEvent);

    public void Command(EngineCommand command)
    {
    }

    public IEnumerable<T> SentOf<T>() => Sent.Select(s => s.Message).OfType<T>();
}
