using System.Globalization;
using XmtpSim.Scenarios;

namespace XmtpSim.Simulation.Sweeps;

/// <summary>
/// One <c>--vary key.path=v1,v2,…</c> option: the scenario key and its values in the order given. Each value is
/// applied exactly like <c>--set key.path=value</c>.
/// </summary>
/// <param name="Key">Dotted scenario key path, e.g. <c>workload.message_bytes</c>.</param>
/// <param name="Values">The values as written (YAML scalars or flow YAML), in option order.</param>
/// <param name="Option">The option text as given (after <c>--vary</c>), for error messages.</param>
public sealed record SweepAxis(string Key, IReadOnlyList<string> Values, string Option)
{
    /// <summary>
    /// How the values read on a chart axis: <see cref="SweepAxisScale.Number"/>, <see cref="SweepAxisScale.Bytes"/> or
    /// <see cref="SweepAxisScale.Seconds"/> when every value parses as one (plain number, size, duration), else
    /// <see cref="SweepAxisScale.Categorical"/>.
    /// </summary>
    public SweepAxisScale Scale => ScaleOf(Values);

    /// <summary>The numeric x of <paramref name="value"/> on <see cref="Scale"/> (null when categorical).</summary>
    public double? NumericValue(string value) => TryNumeric(value, Scale, out var x) ? x : null;

    /// <summary>Parses the text after <c>--vary</c>.</summary>
    /// <exception cref="ScenarioException">The option is malformed; the error names it.</exception>
    public static SweepAxis Parse(string option)
    {
        ArgumentNullException.ThrowIfNull(option);
        var equals = option.IndexOf('=', StringComparison.Ordinal);
        var key = equals > 0 ? option[..equals].Trim() : "";
        if (key.Length == 0)
        {
            throw Error(option, "", "expected key.path=v1,v2,..., e.g. --vary network.nodes=3,5,7");
        }

        if (!SplitTopLevel(option[(equals + 1)..], out var values, out var problem))
        {
            throw Error(option, key, problem);
        }

        if (values.Count == 0 || values.Any(v => v.Length == 0))
        {
            throw Error(option, key, "every value must be non-empty, e.g. --vary network.nodes=3,5,7");
        }

        var duplicate = values.GroupBy(v => v, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw Error(option, key, $"the value '{duplicate.Key}' is given twice");
        }

        return new SweepAxis(key, values, option);
    }

    /// <summary>
    /// Splits <paramref name="text"/> on commas outside braces, brackets and quotes, so flow YAML such as
    /// <c>{dist: constant, value: 512B}</c> stays one value; each value is trimmed.
    /// </summary>
    public static bool SplitTopLevel(string text, out List<string> values, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        values = [];
        error = "";
        var depth = 0;
        char? quote = null;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is { } open)
            {
                if (c == open)
                {
                    quote = null;
                }

                continue;
            }

            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    if (--depth < 0)
                    {
                        error = $"unbalanced '{c}' at character {i + 1}";
                        return false;
                    }

                    break;
                case ',' when depth == 0:
                    values.Add(text[start..i].Trim());
                    start = i + 1;
                    break;
            }
        }

        if (depth != 0 || quote is not null)
        {
            error = quote is not null ? "unclosed quote" : "unclosed '{' or '['";
            return false;
        }

        values.Add(text[start..].Trim());
        return true;
    }

    private static SweepAxisScale ScaleOf(IReadOnlyList<string> values)
    {
        foreach (var scale in (ReadOnlySpan<SweepAxisScale>)[SweepAxisScale.Number, SweepAxisScale.Bytes, SweepAxisScale.Seconds])
        {
            if (values.All(v => TryNumeric(v, scale, out _)))
            {
                return scale;
            }
        }

        return SweepAxisScale.Categorical;
    }

    private static bool TryNumeric(string value, SweepAxisScale scale, out double x)
    {
        x = 0;
        switch (scale)
        {
            case SweepAxisScale.Number:
                return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out x) && double.IsFinite(x);
            case SweepAxisScale.Bytes:
                var sized = ScenarioUnits.TryParseSize(value, out var bytes, out _);
                x = bytes;
                return sized;
            case SweepAxisScale.Seconds:
                var timed = ScenarioUnits.TryParseDuration(value, out var duration, out _);
                x = duration.TotalSeconds;
                return timed;
            default:
                return false;
        }
    }

    private static ScenarioException Error(string option, string key, string message) =>
        new([new ScenarioError($"--vary {option}", 0, 0, key, message)]);
}
