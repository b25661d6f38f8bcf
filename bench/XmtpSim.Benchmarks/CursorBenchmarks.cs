using BenchmarkDotNet.Attributes;
using XmtpSim.Protocol.Cursors;

namespace XmtpSim.Benchmarks;

/// <summary><see cref="VectorClock"/> operations on 8-originator clocks (a node's cursor over a small network).</summary>
[MemoryDiagnoser]
public class CursorBenchmarks
{
    private VectorClock _a = VectorClock.Empty;
    private VectorClock _b = VectorClock.Empty;
    private VectorClock _merged = VectorClock.Empty;

    /// <summary>Two 8-entry clocks sharing six originators, each ahead on some of them.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _a = VectorClock.Of((100, 10), (200, 25), (300, 7), (400, 90), (500, 3), (600, 41), (700, 12), (800, 5));
        _b = VectorClock.Of((100, 12), (200, 20), (300, 7), (400, 95), (500, 1), (600, 44), (900, 8), (1000, 2));
        _merged = _a.Merge(_b);
    }

    /// <summary>Pointwise maximum of two 8-entry clocks (10 entries out).</summary>
    [Benchmark]
    public VectorClock Merge() => _a.Merge(_b);

    /// <summary>The merged clock dominates one input: 8 binary searches, all pass.</summary>
    [Benchmark]
    public bool Dominates() => _merged.Dominates(_b);

    /// <summary>Advance an existing originator (copies the sequence array).</summary>
    [Benchmark]
    public VectorClock Advance() => _a.Advance(400, 91);

    /// <summary>Advance a new originator (insert: both arrays grow by one).</summary>
    [Benchmark]
    public VectorClock AdvanceNewOriginator() => _a.Advance(450, 1);
}
