using System.Globalization;

namespace XmtpSim.Simulation.Sweeps;

/// <summary>Number formatting for sweep outputs, invariant culture throughout.</summary>
internal static class SweepFormat
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>A CSV cell: whole numbers without decimals, others round-trip ("R"), undefined empty.</summary>
    public static string Csv(double value, bool isInteger) =>
        double.IsNaN(value) ? "" : isInteger && Math.Abs(value) < 9e15 ? value.ToString("0", C) : value.ToString("R", C);

    /// <summary>RFC 4180 quoting of a text cell.</summary>
    public static string CsvText(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A number for people: thousands separated above 1,000, four significant digits below 1.</summary>
    public static string Human(double value)
    {
        if (double.IsNaN(value))
        {
            return "n/a";
        }

        var magnitude = Math.Abs(value);
        return magnitude >= 1000 ? value.ToString("#,0.#", C)
            : magnitude >= 1 ? value.ToString("0.###", C)
            : value.ToString("G4", C);
    }

    /// <summary><c>mean ± half-width (n=K)</c>, or <c>mean (n=1, no interval)</c>.</summary>
    public static string Estimate(Estimate e) =>
        e.N == 0 ? "n/a"
        : e.HasInterval ? $"{Human(e.Mean)} ± {Human(e.HalfWidth)} (n={e.N.ToString(C)})"
        : $"{Human(e.Mean)} (n={e.N.ToString(C)}, no interval)";
}
