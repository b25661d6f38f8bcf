using System.Globalization;
using XmtpSim.Protocol.Cursors;

namespace XmtpSim.Checks.Evaluation;

/// <summary>Invariant-culture formatting shared by evidence lines and reports.</summary>
internal static class Format
{
    /// <summary>Simulated nanoseconds as seconds with millisecond precision, e.g. <c>12.345s</c>.</summary>
    public static string Seconds(long ns) => (ns / 1e9).ToString("0.000", CultureInfo.InvariantCulture) + "s";

    /// <summary>Nanoseconds as milliseconds with up to three decimals, e.g. <c>152.5ms</c>.</summary>
    public static string Millis(long ns) => (ns / 1e6).ToString("0.###", CultureInfo.InvariantCulture) + "ms";

    /// <summary>An integer with no grouping.</summary>
    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A ratio with five decimals.</summary>
    public static string Ratio(double value) => value.ToString("0.00000", CultureInfo.InvariantCulture);

    /// <summary>An envelope as <c>originator:sequence</c>.</summary>
    public static string Envelope(EnvelopeId id) => id.Originator.ToString(CultureInfo.InvariantCulture) + ":" + id.Sequence.ToString(CultureInfo.InvariantCulture);
}
