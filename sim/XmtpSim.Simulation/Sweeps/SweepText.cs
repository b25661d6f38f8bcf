using System.Globalization;

namespace XmtpSim.Simulation.Sweeps;

/// <summary>Text shared by sweep.md and sweep.html.</summary>
internal static class SweepText
{
    public static IReadOnlyList<string> Preamble(SweepResults results)
    {
        var c = CultureInfo.InvariantCulture;
        var failed = results.Runs.Count(r => !r.ChecksPassed);
        var lines = new List<string>
        {
            string.Create(c, $"{results.Points.Count} points × {results.SeedsPerPoint} seeds = {results.Runs.Count} runs; varied: {string.Join("; ", results.Axes.Select(a => $"{a.Key} = {string.Join(", ", a.Values)}"))}."),
            string.Create(c, $"Checks: {results.Runs.Count - failed}/{results.Runs.Count} runs passed every check{(failed > 0 ? $" ({failed} failed: see sweep.csv and runs/<point>-seed<seed>/summary.json)" : "")}."),
            results.SeedsPerPoint >= 2
                ? string.Create(c, $"Each cell: mean ± half-width of the 95 % confidence interval for the mean (Student's t, {results.SeedsPerPoint - 1} degrees of freedom) over the point's {results.SeedsPerPoint} seeds.")
                : "Each cell: the single run's value (one seed per point, so no confidence interval; use --seeds K with K ≥ 2 for one).",
            "Fees are what originators charged (base + congestion, spec §9.3); operator revenue is those fees per node before settlement. Every run's figures are in sweep.csv.",
        };
        return lines;
    }

    public static (IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) Table(SweepChart chart)
    {
        var header = new List<string> { chart.Axis.Key };
        header.AddRange(chart.Series.Select(s => s.Label.Length == 0 ? chart.Figure.Name : s.Label));
        var rows = chart.Axis.Values
            .Select((value, i) => (IReadOnlyList<string>)[value, .. chart.Series.Select(s => s.Points.FirstOrDefault(p => p.Category == i) is { } p ? SweepFormat.Estimate(p.Estimate) : "")])
            .ToList();
        return (header, rows);
    }
}
