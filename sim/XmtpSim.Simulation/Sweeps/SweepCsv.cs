namespace XmtpSim.Simulation.Sweeps;

/// <summary>
/// <c>sweep.csv</c>: one row per run, point-major then seed. Columns: <c>point</c>, one per varied key (named by
/// its key path), <c>seed</c>, every <see cref="HeadlineFigures.All"/> figure, <c>checks_passed</c>
/// (<c>true</c>/<c>false</c>) and <c>journal_sha256</c>. Invariant culture, "\n" line ends, no wall-clock field, so
/// the same sweep gives the same bytes.
/// </summary>
public static class SweepCsv
{
    /// <summary>The header's fields.</summary>
    public static IReadOnlyList<string> Columns(SweepResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return ["point", .. results.Axes.Select(a => a.Key), "seed", .. results.Figures.Select(f => f.Name), "checks_passed", "journal_sha256"];
    }

    /// <summary>Writes the file's text.</summary>
    public static void Write(TextWriter writer, SweepResults results)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(results);
        Line(writer, Columns(results).Select(SweepFormat.CsvText));
        foreach (var run in results.Runs)
        {
            var cells = new List<string> { run.Spec.Point.Name };
            cells.AddRange(run.Spec.Point.Values.Select(SweepFormat.CsvText));
            cells.Add(run.Spec.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
            cells.AddRange(results.Figures.Select((f, i) => SweepFormat.Csv(run.Figures[i], f.IsInteger)));
            cells.Add(run.ChecksPassed ? "true" : "false");
            cells.Add(run.Results.JournalSha256);
            Line(writer, cells);
        }
    }

    private static void Line(TextWriter writer, IEnumerable<string> cells)
    {
        writer.Write(string.Join(',', cells));
        writer.Write('\n');
    }
}
