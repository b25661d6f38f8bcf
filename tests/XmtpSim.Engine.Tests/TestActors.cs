using Akka.Actor;
using XmtpSim.Engine.Journal;

namespace XmtpSim.Engine.Tests;

internal sealed record Ping(int Hop, int Bytes = 100) : IWireMessage
{
    public int WireBytes => Bytes;
}

internal sealed record Kick(ActorId Target, int Hops);

internal sealed record Note(long TimeNs, string Actor, string Text) : JournalEvent(TimeNs)
{
    public override string Kind => "note";

    public override void WriteFields(System.Text.Json.Utf8JsonWriter writer)
    {
        writer.WriteString("actor", Actor);
        writer.WriteString("text", Text);
    }
}

/// <summary>Bounces pings back to the sender until the hop budget is spent; journals every receipt.</summary>
internal sealed class PingPongActor : ReceiveActor
{
    public PingPongActor(ISimContext sim, long cpuPerMessageNanos = 0)
    {
        Receive<Kick>(k => sim.Send(k.Target, new Ping(k.Hops)));
        Receive<Ping>(p =>
        {
            sim.Journal(new Note(sim.Now, sim.Self.Name, $"ping {p.Hop} from {sim.Sender.Name}"));
            sim.Charge(cpuPerMessageNanos);
            if (p.Hop > 0)
            {
                sim.Send(sim.Sender, new Ping(p.Hop - 1, p.Bytes));
            }
        });
    }

    public static Props Props(ISimContext sim, long cpu = 0) => Akka.Actor.Props.Create(() => new PingPongActor(sim, cpu));
}

/// <summary>Sends to random peers with random delays: exercises equal-time ordering and per-actor randomness.</summary>
internal sealed class GossipActor : ReceiveActor
{
    public GossipActor(ISimContext sim, IReadOnlyList<ActorId> peers, Counter counter)
    {
        Receive<Ping>(p =>
        {
            counter.Increment(sim.Self.Index);
            sim.Journal(new Note(sim.Now, sim.Self.Name, $"got {p.Hop} from {sim.Sender.Name} r={sim.Random.Next(1000)}"));
            if (p.Hop > 0)
            {
                for (var i = 0; i < 2; i++)
                {
                    sim.Send(peers[sim.Random.Next(peers.Count)], new Ping(p.Hop - 1));
                }
            }
        });
    }

    public static Props Props(ISimContext sim, IReadOnlyList<ActorId> peers, Counter counter) =>
        Akka.Actor.Props.Create(() => new GossipActor(sim, peers, counter));
}

/// <summary>Per-actor counters (each slot touched only by its own actor, so parallel handlers never race).</summary>
internal sealed class Counter(int size)
{
    private readonly long[] _counts = new long[size];

    public void Increment(int index) => _counts[index]++;

    public long Total => _counts.Sum();
}

/// <summary>Keeps a volatile count and a durable one; a timer ticks every second.</summary>
internal sealed class StatefulActor : ReceiveActor
{
    public StatefulActor(ISimContext sim, List<string> durable)
    {
        var volatileCount = 0;
        sim.StartTimer("tick", SimTime.NanosPerSecond, "tick");
        Receive<string>(s => s == "tick", _ =>
        {
            volatileCount++;
            durable.Add($"{sim.Incarnation}:{volatileCount}@{sim.Now / SimTime.NanosPerSecond}");
            sim.StartTimer("tick", SimTime.NanosPerSecond, "tick");
        });
        Receive<ConnectionLost>(lost => durable.Add($"lost {lost.Peer.Name} {lost.Reason} @{sim.Now / SimTime.NanosPerMilli}ms"));
        Receive<Ping>(p => durable.Add($"ping@{sim.Now / SimTime.NanosPerMilli}ms"));
        Receive<Kick>(k =>
        {
            sim.Connect(k.Target);
            sim.Send(k.Target, new Ping(0));
        });
        Receive<Exception>(ex => throw ex);
    }

    public static Props Props(ISimContext sim, List<string> durable) => Akka.Actor.Props.Create(() => new StatefulActor(sim, durable));
}

/// <summary>Records the type of its own mailbox's message queue when it starts.</summary>
internal sealed class MailboxProbeActor : ReceiveActor
{
    public MailboxProbeActor(List<Type> queueTypes)
    {
        queueTypes.Add(((ActorCell)Context).Mailbox!.MessageQueue.GetType());
        ReceiveAny(_ => { });
    }

    public static Props Props(List<Type> queueTypes) => Akka.Actor.Props.Create(() => new MailboxProbeActor(queueTypes));
}

/// <summary>
/// A <see cref="SimActor"/> that records what Akka.NET hands it (the type of each message its cell receives) and
/// what it handles. Starts a timer that fires after two seconds.
/// </summary>
internal sealed class EventProbeActor : SimActor
{
    private readonly List<string> _handed;
    private readonly List<string> _handled;

    public EventProbeActor(ISimContext sim, List<string> handed, List<string> handled)
    {
        _handed = handed;
        _handled = handled;
        sim.StartTimer("tick", 2 * SimTime.NanosPerSecond, "tick");
    }

    public static Props Props(ISimContext sim, List<string> handed, List<string> handled) =>
        Akka.Actor.Props.Create(() => new EventProbeActor(sim, handed, handled));

    protected override bool AroundReceive(Receive receive, object message)
    {
        _handed.Add(message.GetType().Name);
        return base.AroundReceive(receive, message);
    }

    protected override void OnMessage(object message) => _handled.Add(message is Ping ping ? $"ping {ping.Hop}" : $"{message}");
}
