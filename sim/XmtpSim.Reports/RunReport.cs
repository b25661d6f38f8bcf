using System.Text;
using XmtpSim.Checks.Recording;
using XmtpSim.Checks.Results;
using XmtpSim.Reports.Charts;
using XmtpSim.Scenarios;

namespace XmtpSim.Reports;

/// <summary>
/// Turns a finished run's results model into its report: one PNG per chart that has data, <c>report.md</c> and a
/// self-contained <c>report.html</c>. Draws only; never runs anything.
/// </summary>
public static class RunReport
{
    /// <summary>Markdown report file name.</summary>
    public const string MarkdownFile = "report.md";

    /// <summary>HTML report file name.</summary>
    public const string HtmlFile = "report.html";

    /// <summary>
    /// Writes the charts, report.md and report.html into <paramref name="directory"/> (created if missing); returns
    /// the paths written: the PNGs in report order, then report.md, then report.html.
    /// </summary>
    public static IReadOnlyList<string> WriteAll(string directory, RunResults results, RecordedHistory history, Scenario? scenario)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(history);
        Directory.CreateDirectory(directory);
        var charts = ChartBuilder.Build(results, history, scenario);
        var paths = new List<string>();
        var images = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var chart in charts.Where(c => !c.IsEmpty))
        {
            var png = ChartRenderer.RenderPng(chart);
            images.Add(chart.FileName, png);
            var path = Path.Combine(directory, chart.FileName);
            File.WriteAllBytes(path, png);
            paths.Add(path);
        }

        var markdown = RunReportMarkdown.ToText(results, scenario, charts);
        var utf8 = new UTF8Encoding(false);
        var mdPath = Path.Combine(directory, MarkdownFile);
        File.WriteAllText(mdPath, markdown, utf8);
        paths.Add(mdPath);
        var htmlPath = Path.Combine(directory, HtmlFile);
        File.WriteAllText(htmlPath, ReportHtml.Render(Title(results), markdown, images), utf8);
        paths.Add(htmlPath);
        return paths;
    }

    /// <summary>The HTML page title.</summary>
    internal static string Title(RunResults results) => $"{results.Scenario} (seed {results.Seed}) — XmtpSim report";
}
