using CsCheck;
using XmtpSim.Protocol.Fees;

namespace XmtpSim.Protocol.Tests.Fees;

public sealed class FeeCalculatorTests
{
    private static readonly Rates Start = Rates.MainnetStart;

    [Fact]
    public void Spec_example_1000_bytes_for_60_days_costs_12000100_picodollars()
    {
        Assert.Equal(12_000_100, FeeCalculator.BaseFee(Start, 1000, 60));
    }

    [Fact]
    public void Spec_example_ratio_1_25_gives_26_units_and_7800_picodollars()
    {
        var units = FeeCalculator.CongestionUnits(CongestionWindow.Steady(7500), 6000);
        Assert.Equal(26, units);
        Assert.Equal(7_800, FeeCalculator.CongestionFee(Start, units));
        Assert.Equal(12_007_900, FeeCalculator.Quote(Start, 1000, 60, CongestionWindow.Steady(7500)).TotalPicodollars);
    }

    [Theory]
    [InlineData(6000, 0)]    // at target: free
    [InlineData(6001, 0)]    // r just above 1: trunc(100·(e^0.00067−1)/(e²−1)) = 0
    [InlineData(9000, 100)]  // r = 1.5: saturated
    [InlineData(60000, 100)]
    [InlineData(6600, 7)]    // r = 1.1: trunc(100·(e^0.4−1)/(e²−1)) = trunc(7.72) = 7
    [InlineData(8400, 61)]   // r = 1.4: trunc(100·(e^1.6−1)/(e²−1)) = trunc(61.76) = 61
    public void Congestion_curve_is_truncated_exponential(ulong perMinute, int expectedUnits)
    {
        Assert.Equal(expectedUnits, FeeCalculator.CongestionUnits(CongestionWindow.Steady(perMinute), 6000));
    }

    [Fact]
    public void Window_uses_current_minute_previous_minute_and_weighted_average()
    {
        // Only the current minute is busy.
        Assert.Equal(100, FeeCalculator.CongestionUnits(new CongestionWindow(9000, 0, 0, 0, 0), 6000));
        // Only the previous minute is busy.
        Assert.Equal(100, FeeCalculator.CongestionUnits(new CongestionWindow(0, 9000, 0, 0, 0), 6000));
        // Older minutes count through avg4 = floor((4·w1 + 3·w2 + 2·w3 + w4)/10) = floor(3·9000·... ) here 0.3·20000 = 6000: not above T.
        Assert.Equal(0, FeeCalculator.CongestionUnits(new CongestionWindow(0, 0, 20000, 0, 0), 6000));
        // avg4 = floor((3·30000)/10) = 9000 → r = 1.5.
        Assert.Equal(100, FeeCalculator.CongestionUnits(new CongestionWindow(0, 0, 30000, 0, 0), 6000));
        // A zero target disables congestion pricing.
        Assert.Equal(0, FeeCalculator.CongestionUnits(CongestionWindow.Steady(1_000_000), 0));
    }

    [Fact]
    public void The_weighted_average_is_exact_when_its_sum_passes_64_bits()
    {
        // avg4 = floor(6·Max/10) = 0.6·Max against a target of Max/2: congested, as 36 against 30 is. A sum wrapped
        // at 64 bits would be 0.1·Max and read as no congestion.
        var expected = FeeCalculator.CongestionUnits(new CongestionWindow(0, 0, 60, 60, 60), 30);
        Assert.True(expected > 0);
        Assert.Equal(expected, FeeCalculator.CongestionUnits(new CongestionWindow(0, 0, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue), ulong.MaxValue / 2));
        // At the largest counts that still add up in 64 bits.
        const ulong safe = ulong.MaxValue / 10;
        Assert.Equal(expected, FeeCalculator.CongestionUnits(new CongestionWindow(0, 0, safe, safe, safe), safe / 2));
    }

    [Fact]
    public void Zero_size_zero_days_and_overflow_are_errors()
    {
        Assert.Throws<FeeCalculationException>(() => FeeCalculator.BaseFee(Start, 0, 60));
        Assert.Throws<FeeCalculationException>(() => FeeCalculator.BaseFee(Start, 10, 0));
        Assert.Throws<FeeCalculationException>(() => FeeCalculator.BaseFee(Start, long.MaxValue / 100, 365));
        Assert.Throws<FeeCalculationException>(() => FeeCalculator.BaseFee(Start with { MessageFee = long.MaxValue }, 1, 2));
    }

    [Fact]
    public void Fee_is_monotonic_in_bytes_days_and_rate()
    {
        Gen.Select(Gen.Long[1, 1_000_000], Gen.Long[1, 365], Gen.ULong[0, 20_000], Gen.Long[0, 1000]).Sample((bytes, days, rate, step) =>
        {
            var quote = FeeCalculator.Quote(Start, bytes, days, CongestionWindow.Steady(rate)).TotalPicodollars;
            Assert.True(FeeCalculator.Quote(Start, bytes + step, days, CongestionWindow.Steady(rate)).TotalPicodollars >= quote);
            Assert.True(FeeCalculator.Quote(Start, bytes, Math.Min(days + step, 365), CongestionWindow.Steady(rate)).TotalPicodollars >= quote);
            Assert.True(FeeCalculator.Quote(Start, bytes, days, CongestionWindow.Steady(rate + (ulong)step)).TotalPicodollars >= quote);
        });
    }

    [Fact]
    public void Congestion_counters_window_reads_five_minutes_and_prunes()
    {
        var counters = new CongestionCounters();
        for (var minute = 10; minute <= 14; minute++)
        {
            for (var i = 0; i < minute; i++)
            {
                counters.Increment(100, minute);
            }
        }

        counters.Increment(200, 14);
        Assert.Equal(new CongestionWindow(14, 13, 12, 11, 10), counters.Window(100, 14));
        Assert.Equal(new CongestionWindow(0, 14, 13, 12, 11), counters.Window(100, 15));
        counters.PruneBefore(13);
        Assert.Equal(new CongestionWindow(14, 13, 0, 0, 0), counters.Window(100, 14));
        Assert.Equal(1UL, counters.Count(200, 14));
        Assert.Equal(1, CongestionCounters.MinuteOf(119_999_999_999));
        Assert.Equal(2, CongestionCounters.MinuteOf(120_000_000_000));
    }

    [Fact]
    public void Rate_registry_looks_up_by_time_and_enforces_contract_rules()
    {
        var registry = new RateRegistry([new Rates(100, 200, 300, 6000, 1000), new Rates(150, 200, 300, 6000, 2000)]);
        Assert.Throws<RateRegistryException>(() => registry.At(999));
        Assert.Equal(100UL, registry.At(1000).MessageFee);
        Assert.Equal(100UL, registry.At(1999).MessageFee);
        Assert.Equal(150UL, registry.At(2000).MessageFee);
        Assert.Equal(150UL, registry.At(999_999).MessageFee);
        Assert.Throws<RateRegistryException>(() => registry.Append(new Rates(150, 200, 300, 6000, 3000)));   // NoChange
        Assert.Throws<RateRegistryException>(() => registry.Append(new Rates(160, 200, 300, 6000, 2000)));   // InvalidStartTime
    }
}
