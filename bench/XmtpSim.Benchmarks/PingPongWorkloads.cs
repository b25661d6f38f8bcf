using Akka.Actor;
using Akka.Configuration;
using XmtpSim.Engine;
using XmtpSim.Engine.Journal;
using XmtpSim.Engine.Network;

namespace XmtpSim.Benchmarks;

/// <summary>The ping-pong message: hops still to go after this one.</summary>
internal sealed record Hop(int Remaining) : IWireMessage
{
    /// <inheritdoc />
    public int WireBytes => 100;
}

/// <summary>Starts a pair: send <see cref="Hops"/> messages to <see cref="Peer"/> and back.</summary>
internal sealed record Serve(IActorRef Peer, int Hops);

/// <summary>Starts an engine pair: the first network message to <see cref="Peer"/>.</summary>
internal sealed record ServeSim(ActorId Peer, int Hops);

/// <summary>
/// <paramref name="pairs"/> pairs of ReceiveActors on Akka's default dispatcher, each pair bouncing
/// <see cref="Hop"/> back and forth <paramref name="hops"/> times (one Tell per hop); the last hop of each
/// pair counts down, and the last pair completes a TaskCompletionSource. Build, <see cref="Run"/> once, dispose.
/// </summary>
internal sealed class RawAkkaPingPong : IDisposable
{
    private static readonly Config AkkaConfig = ConfigurationFactory.ParseString("""
        akka {
          loglevel = WARNING
          stdout-loglevel = WARNING
          log-dead-letters = off
          log-dead-letters-during-shutdown = off
        }
        """);

    private readonly ActorSystem _system;
    private readonly List<(IActorRef A, IActorRef B)> _pairs = [];
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _hops;
    private int _pending;

    public RawAkkaPingPong(int pairs, int hops)
    {
        _hops = hops;
        _pending = pairs;
        _system = ActorSystem.Create("rawpingpong", AkkaConfig);
        for (var i = 0; i < pairs; i++)
        {
            _pairs.Add((
                _system.ActorOf(Props.Create(() => new PingPongActor(this)), $"a{i}"),
                _system.ActorOf(Props.Create(() => new PingPongActor(this)), $"b{i}")));
        }

        // Actors start asynchronously: wait until every one has processed a message, so Run measures only hops.
        Task.WaitAll(_pairs.SelectMany(p => new[] { p.A, p.B })
            .Select(a => a.Ask<ActorIdentity>(new Identify(null), TimeSpan.FromSeconds(30))).ToArray<Task>());
    }

    /// <summary>Network messages one <see cref="Run"/> delivers.</summary>
    public long Messages => (long)_pairs.Count * _hops;

    /// <summary>Kicks every pair and waits for the last hop.</summary>
    public void Run()
    {
        foreach (var (a, b) in _pairs)
        {
            a.Tell(new Serve(b, _hops));
        }

        if (!_done.Task.Wait(TimeSpan.FromMinutes(5)))
        {
            throw new TimeoutException("raw Akka ping-pong did not finish");
        }
    }

    public void Dispose()
    {
        _system.Terminate().Wait(TimeSpan.FromSeconds(10));
        _system.Dispose();
    }

    private void PairDone()
    {
        if (Interlocked.Decrement(ref _pending) == 0)
        {
            _done.TrySetResult();
        }
    }

    private sealed class PingPongActor : ReceiveActor
    {
        public PingPongActor(RawAkkaPingPong owner)
        {
            Receive<Serve>(s => s.Peer.Tell(new Hop(s.Hops - 1), Self));
            Receive<Hop>(h =>
            {
                if (h.Remaining > 0)
                {
                    Sender.Tell(new Hop(h.Remaining - 1), Self);
                }
                else
                {
                    owner.PairDone();
                }
            });
        }
    }
}

/// <summary>
/// The same ping-pong through <see cref="SimulationEngine"/>: every hop is a network message (constant 1 ms
/// latency, so all pairs move in lockstep and each instant holds one event per pair), journaled as send and
/// deliver in a hash-only <see cref="JournalWriter"/>. Construction registers and starts every actor and
/// injects the kicks at t = 0; <see cref="Run"/> runs to completion.
/// </summary>
internal sealed class EnginePingPong : IDisposable
{
    public const long LatencyNanos = 1_000_000;

    private readonly JournalWriter _journal;
    private readonly SimulationEngine _engine;
    private readonly long _messages;

    /// <param name="journalPath">Null for a hash-only journal; else a full journal file (for byte-for-byte checks).</param>
    public EnginePingPong(int pairs, int hops, int parallelism, string? journalPath = null)
    {
        _journal = journalPath is null ? new JournalWriter() : new JournalWriter(journalPath, JournalMode.Full);
        _messages = (long)pairs * hops;
        var options = new EngineOptions
        {
            Seed = 1,
            Parallelism = parallelism,
            Network = new NetworkOptions { DefaultLatency = new ConstantLatency(LatencyNanos) },
        };
        _engine = new SimulationEngine(options, _journal);
        var ids = new List<(ActorId A, ActorId B)>();
        for (var i = 0; i < pairs; i++)
        {
            ids.Add((_engine.Register($"a{i}", SimPingPongActor.Props), _engine.Register($"b{i}", SimPingPongActor.Props)));
        }

        _engine.Start();
        foreach (var (a, b) in ids)
        {
            _engine.Inject(a, new ServeSim(b, hops), 0);
        }
    }

    /// <summary>Network messages one <see cref="Run"/> delivers.</summary>
    public long Messages => _messages;

    /// <summary>Runs to the end; returns the engine's counters (checked: every hop delivered).</summary>
    public EngineStats Run()
    {
        var stats = _engine.Run(long.MaxValue);
        if (stats.MessagesDelivered != _messages)
        {
            throw new InvalidOperationException($"engine delivered {stats.MessagesDelivered} messages, expected {_messages}");
        }

        return stats;
    }

    /// <summary>The journal's SHA-256 (closes the journal).</summary>
    public string JournalHash() => _journal.Finish();

    public void Dispose()
    {
        _engine.Dispose();
        _journal.Dispose();
    }

    private sealed class SimPingPongActor : ReceiveActor
    {
        public SimPingPongActor(ISimContext sim)
        {
            Receive<ServeSim>(s => sim.Send(s.Peer, new Hop(s.Hops - 1)));
            Receive<Hop>(h =>
            {
                if (h.Remaining > 0)
                {
                    sim.Send(sim.Sender, new Hop(h.Remaining - 1));
                }
            });
        }

        public static Props Props(ISimContext sim) => Akka.Actor.Props.Create(() => new SimPingPongActor(sim));
    }
}
