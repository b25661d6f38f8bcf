using System.Globalization;
using XmtpSim.Checks.Output;
using XmtpSim.Checks.Results;
using XmtpSim.Reports.Charts;
using XmtpSim.Scenarios;

namespace XmtpSim.Reports;

/// <summary>
/// <c>report.md</c>: the Checks' report (scenario and seed, what ran, every check with its evidence, headline
/// numbers, faults) followed by the fault windows and every chart — an image link, or a note saying why the chart
/// has no data. Invariant culture, "\n" line ends, no wall time: the same history gives the same text.
/// </summary>
public static class RunReportMarkdown
{
    /// <summary>Writes the report.</summary>
    public static void Write(TextWriter writer, RunResults results, Scenario? scenario, IReadOnlyList<ChartData> charts)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(charts);
        ReportMarkdown.Write(writer, results, scenario);
        void L(string line = "")
        {
            writer.Write(line);
            writer.Write('\n');
        }

        var faults = charts.FirstOrDefault(c => c.TimeAxis)?.Faults ?? [];
        L();
        L("## Fault windows");
        L();
        if (faults.Count == 0)
        {
            L("No fault windows: the time charts have no shading.");
        }
        else
        {
            L("Shaded and labelled on every time chart (an instant is a dotted line).");
            L();
            L("| fault | from (s) | to (s) | detail |");
            L("|---|---|---|---|");
            foreach (var w in faults)
            {
                var to = w.IsInstant ? "instant" : N(w.EndSeconds) + (w.Ended ? string.Empty : " (run end)");
                L($"| {Cell(w.Label)} | {N(w.StartSeconds)} | {to} | {Cell(w.Detail)} |");
            }
        }

        L();
        L("## Charts");
        L();
        L("The data behind every chart is in the CSV files beside this report; charts bin time series for drawing.");
        foreach (var chart in charts)
        {
            L();
            L("### " + chart.Title);
            L();
            if (chart.IsEmpty)
            {
                L("*" + chart.EmptyNote + "*");
            }
            else
            {
                L(chart.Caption);
                L();
                L($"![{chart.Title}]({chart.FileName})");
            }
        }
    }

    /// <summary>The report's text.</summary>
    public static string ToText(RunResults results, Scenario? scenario, IReadOnlyList<ChartData> charts)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(writer, results, scenario, charts);
        return writer.ToString();
    }

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
