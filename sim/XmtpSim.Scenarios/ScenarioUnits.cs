using System.Globalization;
using System.Text.RegularExpressions;

namespace XmtpSim.Scenarios;

/// <summary>
/// Parsing of the unit-bearing values of scenario files. Every parser is culture-invariant, rejects
/// negative values, and returns false with a message saying what was expected.
/// </summary>
public static partial class ScenarioUnits
{
    /// <summary>Duration units and their length in ticks (100 ns).</summary>
    private static readonly Dictionary<string, long> DurationUnits = new(StringComparer.Ordinal)
    {
        ["us"] = TimeSpan.TicksPerMicrosecond,
        ["µs"] = TimeSpan.TicksPerMicrosecond,
        ["ms"] = TimeSpan.TicksPerMillisecond,
        ["s"] = TimeSpan.TicksPerSecond,
        ["m"] = TimeSpan.TicksPerMinute,
        ["h"] = TimeSpan.TicksPerHour,
        ["d"] = TimeSpan.TicksPerDay,
    };

    /// <summary>Size units in bytes (binary multiples only: KiB = 1024 B).</summary>
    private static readonly Dictionary<string, long> SizeUnits = new(StringComparer.Ordinal)
    {
        ["B"] = 1,
        ["KiB"] = 1024,
        ["MiB"] = 1024 * 1024,
        ["GiB"] = 1024 * 1024 * 1024,
    };

    /// <summary>Bandwidth units in bits per second (decimal multiples: 1 kbps = 1000 bit/s).</summary>
    private static readonly Dictionary<string, long> BandwidthUnits = new(StringComparer.Ordinal)
    {
        ["bps"] = 1,
        ["kbps"] = 1_000,
        ["Kbps"] = 1_000,
        ["Mbps"] = 1_000_000,
        ["Gbps"] = 1_000_000_000,
    };

    /// <summary>The accepted duration units, for messages.</summary>
    public const string DurationUnitList = "us, ms, s, m, h, d (e.g. 250ms, 30s, 4m30s)";

    /// <summary>The accepted size units, for messages.</summary>
    public const string SizeUnitList = "B, KiB, MiB, GiB or a plain number of bytes (e.g. 256B, 4KiB)";

    /// <summary>The accepted bandwidth units, for messages.</summary>
    public const string BandwidthUnitList = "bps, kbps, Mbps, Gbps (e.g. 100Mbps)";

    [GeneratedRegex(@"\G(?<n>[0-9]+(?:\.[0-9]+)?)\s*(?<u>[A-Za-zµ]+)")]
    private static partial Regex NumberWithUnit();

    /// <summary>
    /// Parses a duration such as <c>250ms</c>, <c>30s</c>, <c>2h</c>, <c>1d</c>, <c>1.5s</c> or a
    /// combination in decreasing order such as <c>4m30s</c> or <c>1h15m</c>. A bare <c>0</c> is zero.
    /// </summary>
    public static bool TryParseDuration(string text, out TimeSpan value, out string error)
    {
        value = TimeSpan.Zero;
        text = text.Trim();
        if (text == "0")
        {
            error = "";
            return true;
        }

        if (text.Length == 0 || text.StartsWith('-'))
        {
            error = text.StartsWith('-') ? $"'{text}' is negative; expected a duration ≥ 0 with a unit: {DurationUnitList}" : $"expected a duration with a unit: {DurationUnitList}";
            return false;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            error = $"'{text}' has no unit; expected one of {DurationUnitList}";
            return false;
        }

        decimal ticks = 0;
        var position = 0;
        var lastUnit = long.MaxValue;
        while (position < text.Length)
        {
            var match = NumberWithUnit().Match(text, position);
            if (!match.Success || !DurationUnits.TryGetValue(match.Groups["u"].Value, out var unit))
            {
                error = $"'{text}' is not a duration; expected a number and a unit: {DurationUnitList}";
                return false;
            }

            if (unit >= lastUnit)
            {
                error = $"'{text}': combined durations go from larger to smaller units, each once (e.g. 1h30m)";
                return false;
            }

            lastUnit = unit;
            if (!decimal.TryParse(match.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || number > TimeSpan.MaxValue.Ticks / unit)
            {
                error = $"'{text}' is too long a duration";
                return false;
            }

            ticks += number * unit;
            position += match.Length;
        }

        if (ticks > TimeSpan.MaxValue.Ticks)
        {
            error = $"'{text}' is too long a duration";
            return false;
        }

        value = TimeSpan.FromTicks((long)Math.Round(ticks));
        error = "";
        return true;
    }

    /// <summary>Parses a size such as <c>200B</c>, <c>4KiB</c>, <c>1.5MiB</c> or a plain integer of bytes, into bytes.</summary>
    public static bool TryParseSize(string text, out long bytes, out string error) =>
        TryParseScaled(text, SizeUnits, SizeUnitList, plainAllowed: true, "size", out bytes, out error);

    /// <summary>Parses a bandwidth such as <c>1Gbps</c>, <c>100Mbps</c> or <c>10kbps</c>, into bits per second.</summary>
    public static bool TryParseBandwidth(string text, out long bitsPerSecond, out string error) =>
        TryParseScaled(text, BandwidthUnits, BandwidthUnitList, plainAllowed: false, "bandwidth", out bitsPerSecond, out error);

    /// <summary>Formats a duration the way scenario files write it (<c>250ms</c>, <c>4m30s</c>, <c>0</c>).</summary>
    public static string FormatDuration(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0";
        }

        var parts = new List<string>();
        var ticks = value.Ticks;
        foreach (var (name, unit) in new[] { ("d", TimeSpan.TicksPerDay), ("h", TimeSpan.TicksPerHour), ("m", TimeSpan.TicksPerMinute), ("s", TimeSpan.TicksPerSecond), ("ms", TimeSpan.TicksPerMillisecond), ("us", TimeSpan.TicksPerMicrosecond) })
        {
            if (ticks >= unit)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{ticks / unit}{name}"));
                ticks %= unit;
            }
        }

        return string.Concat(parts);
    }

    private static bool TryParseScaled(
        string text,
        Dictionary<string, long> units,
        string unitList,
        bool plainAllowed,
        string what,
        out long value,
        out string error)
    {
        value = 0;
        text = text.Trim();
        if (text.StartsWith('-'))
        {
            error = $"'{text}' is negative; expected a {what} ≥ 0: {unitList}";
            return false;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var plain))
        {
            if (plainAllowed)
            {
                value = plain;
                error = "";
                return true;
            }

            error = $"'{text}' has no unit; expected one of {unitList}";
            return false;
        }

        var match = NumberWithUnit().Match(text);
        if (!match.Success || match.Length != text.Length || !units.TryGetValue(match.Groups["u"].Value, out var unit))
        {
            error = $"'{text}' is not a {what}; expected a number and a unit: {unitList}";
            return false;
        }

        if (!decimal.TryParse(match.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || number > long.MaxValue / unit)
        {
            error = $"'{text}' is too large";
            return false;
        }

        var scaled = number * unit;
        if (scaled > long.MaxValue)
        {
            error = $"'{text}' is too large";
            return false;
        }

        value = (long)Math.Round(scaled);
        error = "";
        return true;
    }
}
