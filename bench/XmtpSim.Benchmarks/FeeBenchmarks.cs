using BenchmarkDotNet.Attributes;
using XmtpSim.Protocol.Fees;

namespace XmtpSim.Benchmarks;

/// <summary><c>FeeCalculator.Quote</c> for a ~400-byte payer envelope at mainnet start rates.</summary>
[MemoryDiagnoser]
public class FeeBenchmarks
{
    private const long PayerEnvelopeBytes = 420;
    private const long RetentionDays = 60;

    private readonly Rates _rates = Rates.MainnetStart;

    // Target 6,000/min: the peak minute is 1.3× over target, 36 congestion units (on the curve, not capped at 100).
    private readonly CongestionWindow _congested = new(7_000, 7_800, 7_500, 7_200, 6_900);
    private readonly CongestionWindow _quiet = CongestionWindow.Steady(1_000);

    /// <summary>Below target: the early exit, zero congestion units.</summary>
    [Benchmark(Baseline = true)]
    public long QuoteQuiet() => FeeCalculator.Quote(_rates, PayerEnvelopeBytes, RetentionDays, _quiet).TotalPicodollars;

    /// <summary>Over target: 128-bit weighted average, ratio and the exponential curve.</summary>
    [Benchmark]
    public long QuoteCongested() => FeeCalculator.Quote(_rates, PayerEnvelopeBytes, RetentionDays, _congested).TotalPicodollars;
}
