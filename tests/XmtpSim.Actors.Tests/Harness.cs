using Akka.Actor;
using XmtpSim.Engine;
using XmtpSim.Engine.Journal;
using XmtpSim.Engine.Network;

namespace XmtpSim.Actors.Tests;

/// <summary>Tells a probe to send <paramref name="Message"/> to <paramref name="To"/> through the network.</summary>
internal sealed record Outgoing(ActorId To, IWireMessage Message);

/// <summary>One message a probe received, with the simulated time and sender.</summary>
internal sealed record Received(long TimeNs, ActorId From, object Message);

/// <summary>A stand-in collaborator (gateway, indexer, node): sends what it is told to, records what it gets.</summary>
internal sealed class ProbeActor : ReceiveActor
{
    public ProbeActor(ISimContext sim, List<Received> inbox)
    {
        Receive<Outgoing>(o => sim.Send(o.To, o.Message));
        ReceiveAny(m => inbox.Add(new Received(sim.Now, sim.Sender, m)));
    }

    public static Props Props(ISimContext sim, List<Received> inbox) => Akka.Actor.Props.Create(() => new ProbeActor(sim, inbox));
}

/// <summary>A real engine with a constant one-way latency and a journal that keeps every event in memory.</summary>
internal sealed class Harness : IDisposable
{
    public const long Ms = SimTime.NanosPerMilli;

    private readonly JournalWriter _journal = new();
    private readonly Dictionary<string, List<Received>> _inboxes = [];

    public Harness(long latencyMs = 10, ulong seed = 1)
    {
        _journal.SubscribeAll(Events.Add);
        Engine = new SimulationEngine(
            new EngineOptions { Seed = seed, Network = new NetworkOptions { DefaultLatency = new ConstantLatency(latencyMs * Ms) } },
            _journal);
    }

    public SimulationEngine Engine { get; }

    public List<JournalEvent> Events { get; } = [];

    public IEnumerable<T> Journal<T>() where T : JournalEvent => Events.OfType<T>();

    public ActorId Probe(string name)
    {
        var inbox = new List<Received>();
        _inboxes[name] = inbox;
        return Engine.Register(name, sim => ProbeActor.Props(sim, inbox));
    }

    public List<Received> Inbox(ActorId probe) => _inboxes[probe.Name];

    public IEnumerable<(long TimeNs, T Message)> Inbox<T>(ActorId probe) =>
        _inboxes[probe.Name].Where(r => r.Message is T).Select(r => (r.TimeNs, (T)r.Message));

    /// <summary><paramref name="from"/> sends <paramref name="message"/> to <paramref name="to"/> at <paramref name="atMs"/>.</summary>
    public void Send(ActorId from, ActorId to, IWireMessage message, long atMs) => Engine.Inject(from, new Outgoing(to, message), atMs * Ms);

    public void RunUntilMs(long ms) => Engine.Run(ms * Ms);

    public string Hash() => _journal.Finish();

    public void Dispose()
    {
        Engine.Dispose();
        _journal.Dispose();
    }
}
