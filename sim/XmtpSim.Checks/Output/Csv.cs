using System.Globalization;

namespace XmtpSim.Checks.Output;

/// <summary>CSV helpers: RFC 4180 quoting, invariant numbers, "\n" line ends on every platform.</summary>
internal static class Csv
{
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Num(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Nanoseconds as milliseconds with up to six decimals (exact for integral nanoseconds).</summary>
    public static string Millis(long ns) => (ns / 1e6).ToString("0.######", CultureInfo.InvariantCulture);

    public static void Line(TextWriter writer, string line)
    {
        writer.Write(line);
        writer.Write('\n');
    }
}
