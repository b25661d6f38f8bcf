using System.Globalization;

namespace XmtpSim.Simulation.Sweeps;

/// <summary>
/// <c>sweep.md</c>: what was swept, the points, then for each charted figure and each varied key a table of the
/// figure's mean ± 95 % half-interval per key value (one column per combination of the other keys), with the chart
/// above it when one was drawn.
/// </summary>
public static class SweepMarkdown
{
    /// <summary>Writes the file's text.</summary>
    public static void Write(TextWriter writer, SweepResults results, IReadOnlyList<SweepChartImage> images)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(images);
        var c = CultureInfo.InvariantCulture;
        var byId = images.ToDictionary(i => i.Chart.Id, StringComparer.Ordinal);
        writer.Write($"# Sweep: {results.Scenario}\n\n");
        foreach (var line in SweepText.Preamble(results))
        {
            writer.Write($"- {line}\n");
        }

        writer.Write("\n## Points\n\n");
        writer.Write($"| point | {string.Join(" | ", results.Axes.Select(a => Cell(a.Key)))} | checks passed |\n");
        writer.Write($"|---|{string.Concat(results.Axes.Select(_ => "---|"))}---|\n");
        foreach (var point in results.Points)
        {
            writer.Write(string.Create(c, $"| {point.Point.Name} | {string.Join(" | ", point.Point.Values.Select(Cell))} | {point.ChecksPassed}/{point.Runs.Count} |\n"));
        }

        foreach (var chart in results.Charts())
        {
            writer.Write($"\n## {Cell(chart.Figure.Title)} ({Cell(chart.Figure.Unit)}) vs {Cell(chart.Axis.Key)}\n\n");
            if (byId.TryGetValue(chart.Id, out var image))
            {
                writer.Write($"![{Cell(chart.Figure.Title)} vs {Cell(chart.Axis.Key)}]({image.RelativePath})\n\n");
                if (image.Caption.Length > 0)
                {
                    writer.Write($"{image.Caption}\n\n");
                }

            }

            var table = SweepText.Table(chart);
            writer.Write($"| {string.Join(" | ", table.Header.Select(Cell))} |\n");
            writer.Write($"|{string.Concat(table.Header.Select(_ => "---|"))}\n");
            foreach (var row in table.Rows)
            {
                writer.Write($"| {string.Join(" | ", row.Select(Cell))} |\n");
            }
        }
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
