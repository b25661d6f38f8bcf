namespace XmtpSim.Scenarios.Tests;

public sealed class ScenarioUnitsTests
{
    [Theory]
    [InlineData("250ms", 250 * TimeSpan.TicksPerMillisecond)]
    [InlineData("30s", 30 * TimeSpan.TicksPerSecond)]
    [InlineData("10m", 10 * TimeSpan.TicksPerMinute)]
    [InlineData("2h", 2 * TimeSpan.TicksPerHour)]
    [InlineData("1d", TimeSpan.TicksPerDay)]
    [InlineData("4m30s", (4 * TimeSpan.TicksPerMinute) + (30 * TimeSpan.TicksPerSecond))]
    [InlineData("1h15m", TimeSpan.TicksPerHour + (15 * TimeSpan.TicksPerMinute))]
    [InlineData("1.5s", 15 * TimeSpan.TicksPerSecond / 10)]
    [InlineData("29us", 29 * TimeSpan.TicksPerMicrosecond)]
    [InlineData("47µs", 47 * TimeSpan.TicksPerMicrosecond)]
    [InlineData("0", 0)]
    [InlineData("0s", 0)]
    public void Durations_should_parse_with_units(string text, long ticks)
    {
        Assert.True(ScenarioUnits.TryParseDuration(text, out var value, out var error), error);
        Assert.Equal(TimeSpan.FromTicks(ticks), value);
    }

    [Theory]
    [InlineData("10", "no unit")]
    [InlineData("-5s", "negative")]
    [InlineData("5 parsecs", "not a duration")]
    [InlineData("30s4m", "larger to smaller")]
    [InlineData("", "expected a duration")]
    [InlineData("ms", "not a duration")]
    public void Bad_durations_should_be_rejected_with_a_reason(string text, string reason)
    {
        Assert.False(ScenarioUnits.TryParseDuration(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("200B", 200)]
    [InlineData("200", 200)]
    [InlineData("4KiB", 4096)]
    [InlineData("128KiB", 131072)]
    [InlineData("1.5MiB", 1572864)]
    [InlineData("1GiB", 1073741824)]
    public void Sizes_should_parse_to_bytes(string text, long bytes)
    {
        Assert.True(ScenarioUnits.TryParseSize(text, out var value, out var error), error);
        Assert.Equal(bytes, value);
    }

    [Theory]
    [InlineData("4KB")]
    [InlineData("-1B")]
    [InlineData("lots")]
    [InlineData("1.5")]
    public void Bad_sizes_should_be_rejected(string text) =>
        Assert.False(ScenarioUnits.TryParseSize(text, out _, out _));

    [Theory]
    [InlineData("1Gbps", 1_000_000_000)]
    [InlineData("100Mbps", 100_000_000)]
    [InlineData("10kbps", 10_000)]
    [InlineData("2.5Gbps", 2_500_000_000)]
    [InlineData("9600bps", 9600)]
    public void Bandwidths_should_parse_to_bits_per_second(string text, long bps)
    {
        Assert.True(ScenarioUnits.TryParseBandwidth(text, out var value, out var error), error);
        Assert.Equal(bps, value);
    }

    [Theory]
    [InlineData("1000")]
    [InlineData("1GB")]
    [InlineData("-1Mbps")]
    public void Bad_bandwidths_should_be_rejected(string text) =>
        Assert.False(ScenarioUnits.TryParseBandwidth(text, out _, out _));

    [Theory]
    [InlineData("4m30s")]
    [InlineData("250ms")]
    [InlineData("1d")]
    [InlineData("29us")]
    public void Durations_should_format_back_to_their_text(string text)
    {
        Assert.True(ScenarioUnits.TryParseDuration(text, out var value, out _));
        Assert.Equal(text, ScenarioUnits.FormatDuration(value));
    }
}
