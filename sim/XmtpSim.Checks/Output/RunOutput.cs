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
        WriteDeliveries(directory, history);
        return WriteAllButDeliveries(directory, results, history, scenario);
    }

    /// <summary>
    /// Writes deliveries.csv of a finished history into <paramref name="directory"/> (created if missing), through a
    /// <see cref="DeliveriesFile"/> as a run writes it while recording; returns its path.
    /// </summary>
    public static string WriteDeliveries(string directory, RecordedHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        using var file = new DeliveriesFile(directory);
        DeliveriesCsv.Write(file.Stream, history);
        file.Complete();
        return file.Path;
    }

    /// <summary>
    /// Writes every file but deliveries.csv into <paramref name="directory"/> (created if missing); returns the paths of
    /// all of <see cref="FileNames"/>, deliveries.csv included.
    /// </summary>
    public static IReadOnlyList<string> WriteAllButDeliveries(string directory, RunResults results, RecordedHistory history, Scenario? scenario)
    {
        WriteSummary(directory, results);
        WriteHistoryFiles(directory, history);
        return FileNames.Select(name => Path.Combine(directory, name)).ToList();
    }

    /// <summary>Writes summary.json into <paramref name="directory"/> (created if missing); returns its path.</summary>
    public static string WriteSummary(string directory, RunResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileNames[0]);
        using var stream = File.Create(path);
        SummaryJson.Write(stream, results);
        return path;
    }

    /// <summary>
    /// Writes the files that need only the recorded history (throughput.csv, fees.csv, cursors.csv) into
    /// <paramref name="directory"/> (created if missing), so a run can write them while its checks run; returns their paths.
    /// </summary>
    public static IReadOnlyList<string> WriteHistoryFiles(string directory, RecordedHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        Directory.CreateDirectory(directory);
        var paths = FileNames.Skip(2).Select(name => Path.Combine(directory, name)).ToList();
        WriteText(paths[0], w => ThroughputCsv.Write(w, history));
        WriteText(paths[1], w => FeesCsv.Write(w, history));
        WriteText(paths[2], w => CursorsCsv.Write(w, history));
        return paths;
    }

    private static void WriteText(string path, Action<TextWriter> write)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" };
        write(writer);
    }
}
