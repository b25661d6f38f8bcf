using BenchmarkDotNet.Attributes;

namespace XmtpSim.Benchmarks;

/// <summary>
/// Raw Akka.NET Tell throughput against the simulation engine's delivered network messages, same workload
/// (<see cref="Pairs"/> ping-pong pairs × <see cref="Hops"/> hops), same process. One operation is one
/// message, so "Mean" is wall time per message and 1 / Mean is messages per second. A fresh ActorSystem
/// (or engine) is built per iteration, outside the measurement. <see cref="Parallelism"/> is the engine's
/// thread count; raw Akka always runs on the default dispatcher (the .NET thread pool, every core), so its
/// two rows are two samples of the same thing.
/// </summary>
[MemoryDiagnoser]
public class EngineThroughputBenchmarks : IDisposable
{
    /// <summary>Concurrent ping-pong pairs (so each simulated instant holds this many events).</summary>
    public const int Pairs = 100;

    /// <summary>Messages per pair.</summary>
    public const int Hops = 10_000;

    private const int Messages = Pairs * Hops;

    private RawAkkaPingPong? _raw;
    private EnginePingPong? _engine;

    /// <summary>Engine threads per instant (<c>EngineOptions.Parallelism</c>).</summary>
    [Params(1, 2)]
    public int Parallelism { get; set; } = 1;

    /// <summary>Fresh ActorSystem with every pair started.</summary>
    [IterationSetup(Target = nameof(RawAkka))]
    public void SetupRaw() => _raw = new RawAkkaPingPong(Pairs, Hops);

    /// <summary>Fresh engine with every pair registered, started and kicked at t = 0.</summary>
    [IterationSetup(Target = nameof(Engine))]
    public void SetupEngine() => _engine = new EnginePingPong(Pairs, Hops, Parallelism);

    /// <summary>Tears the iteration's actor system down.</summary>
    [IterationCleanup]
    public void Cleanup()
    {
        _raw?.Dispose();
        _raw = null;
        _engine?.Dispose();
        _engine = null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Cleanup();
        GC.SuppressFinalize(this);
    }

    /// <summary>Raw Akka: one Tell per message, default dispatcher.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public void RawAkka() => _raw!.Run();

    /// <summary>The engine: one delivered network message per operation (send + deliver journaled, hash only).</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public long Engine() => _engine!.Run().MessagesDelivered;
}
