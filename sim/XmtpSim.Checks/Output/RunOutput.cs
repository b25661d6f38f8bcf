using System.Text;
using XmtpSim.Checks.Recording;
using XmtpSim.Checks.Results;
using XmtpSim.Scenarios;

namespace XmtpSim.Checks.Output;

/// <summary>
/// Writes a run's data files: summary.json, deliveries.csv, throughput.csv, fees.csv, cursors.csv. report.md, report.html and
/// the charts are written by XmtpSim.Reports (RunReport.WriteAll).
/// </summary>
public static class RunOutput
{
    /// <summary>File names, in the order written.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        ["summary.json", "deliveries.csv", "throughput.csv", "fees.csv", "cursors.csv"];

    /// <summary>Writes every file into <paramref name="directory"/> (created if missing); returns the paths written.</summary>
    public static IReadOnlyList<string> WriteAll(string directory, RunResults results, RecordedHistory history, Scenario? scenario)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(history);
        Directory.CreateDirectory(directory);
        var paths = FileNames.Select(name => Path.Combine(directory, name)).ToList();
        using (var stream = File.Create(paths[0]))
        {
            SummaryJson.Write(stream, results);
        }

        using (var stream = new FileStream(paths[1], FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16))
        {
            DeliveriesCsv.Write(stream, history);
        }

        WriteText(paths[2], w => ThroughputCsv.Write(w, history));
        WriteText(paths[3], w => FeesCsv.Write(w, history));
        WriteText(paths[4], w => CursorsCsv.Write(w, history));
        return paths;
    }

    private static void WriteText(string path, Action<TextWriter> write)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" };
        write(writer);
    }
}
