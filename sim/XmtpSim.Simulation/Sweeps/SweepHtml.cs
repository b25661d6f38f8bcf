using System.Globalization;
using System.Net;

namespace XmtpSim.Simulation.Sweeps;

/// <summary>
/// <c>sweep.html</c>: the same content as sweep.md in one self-contained page (inline style, charts embedded as data
/// URIs, no external resources).
/// </summary>
public static class SweepHtml
{
    /// <summary>Writes the page; <paramref name="directory"/> is where the chart images are (to embed them).</summary>
    public static void Write(TextWriter writer, SweepResults results, IReadOnlyList<SweepChartImage> images, string? directory)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(images);
        var c = CultureInfo.InvariantCulture;
        var byId = images.ToDictionary(i => i.Chart.Id, StringComparer.Ordinal);
        writer.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        writer.Write($"<title>Sweep: {E(results.Scenario)}</title>\n");
        writer.Write("<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px;color:#222}"
            + "table{border-collapse:collapse;margin:0.5em 0 1.5em}th,td{border:1px solid #ccc;padding:0.25em 0.6em;text-align:right}"
            + "th:first-child,td:first-child{text-align:left}th{background:#f3f3f3}img{max-width:100%}.caption{color:#555;font-size:.9em}h2{margin-top:1.6em}</style>\n");
        writer.Write("</head>\n<body>\n");
        writer.Write($"<h1>Sweep: {E(results.Scenario)}</h1>\n");
        foreach (var line in SweepText.Preamble(results))
        {
            writer.Write($"<p>{E(line)}</p>\n");
        }

        writer.Write("<h2>Points</h2>\n<table>\n<tr><th>point</th>");
        foreach (var axis in results.Axes)
        {
            writer.Write($"<th>{E(axis.Key)}</th>");
        }

        writer.Write("<th>checks passed</th></tr>\n");
        foreach (var point in results.Points)
        {
            writer.Write($"<tr><td>{E(point.Point.Name)}</td>{string.Concat(point.Point.Values.Select(v => $"<td>{E(v)}</td>"))}");
            writer.Write(string.Create(c, $"<td>{point.ChecksPassed}/{point.Runs.Count}</td></tr>\n"));
        }

        writer.Write("</table>\n");
        foreach (var chart in results.Charts())
        {
            writer.Write($"<h2 id=\"{E(chart.Id)}\">{E(chart.Figure.Title)} ({E(chart.Figure.Unit)}) vs {E(chart.Axis.Key)}</h2>\n");
            if (byId.TryGetValue(chart.Id, out var image) && directory is not null)
            {
                var path = Path.Combine(directory, image.RelativePath.Replace('/', Path.DirectorySeparatorChar));
                if (File.Exists(path))
                {
                    writer.Write($"<img alt=\"{E(chart.Figure.Title)} vs {E(chart.Axis.Key)}\" src=\"data:{E(image.MediaType)};base64,{Convert.ToBase64String(File.ReadAllBytes(path))}\">\n");
                    if (image.Caption.Length > 0)
                    {
                        writer.Write($"<p class=\"caption\">{E(image.Caption)}</p>\n");
                    }

                }
            }

            var table = SweepText.Table(chart);
            writer.Write($"<table>\n<tr>{string.Concat(table.Header.Select(h => $"<th>{E(h)}</th>"))}</tr>\n");
            foreach (var row in table.Rows)
            {
                writer.Write($"<tr>{string.Concat(row.Select(cell => $"<td>{E(cell)}</td>"))}</tr>\n");
            }

            writer.Write("</table>\n");
        }

        writer.Write("</body>\n</html>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
