using System.Text;

namespace XmtpSim.Simulation.Sweeps;

/// <summary>Writes a sweep's own files (each run's outputs are already under <c>runs/</c>): sweep.csv, the charts, sweep.md, sweep.html.</summary>
public static class SweepOutput
{
    /// <summary>The sweep's file names, in the order written (chart images come between the CSV and the Markdown).</summary>
    public static IReadOnlyList<string> FileNames { get; } = ["sweep.csv", "sweep.md", "sweep.html"];

    /// <summary>Writes every file into <paramref name="directory"/> (created if missing); returns the paths written.</summary>
    public static IReadOnlyList<string> WriteAll(string directory, SweepResults results, ISweepChartWriter? charts = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        var csv = Path.Combine(directory, FileNames[0]);
        WriteText(csv, w => SweepCsv.Write(w, results));
        paths.Add(csv);
        var images = (charts ?? NoSweepCharts.Instance).Write(results, directory);
        paths.AddRange(images.Select(i => Path.Combine(directory, i.RelativePath.Replace('/', Path.DirectorySeparatorChar))));
        var md = Path.Combine(directory, FileNames[1]);
        WriteText(md, w => SweepMarkdown.Write(w, results, images));
        paths.Add(md);
        var html = Path.Combine(directory, FileNames[2]);
        WriteText(html, w => SweepHtml.Write(w, results, images, directory));
        paths.Add(html);
        return paths;
    }

    /// <summary>sweep.csv as bytes (tests, determinism).</summary>
    public static byte[] CsvBytes(SweepResults results)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        SweepCsv.Write(writer, results);
        return new UTF8Encoding(false).GetBytes(writer.ToString());
    }

    private static void WriteText(string path, Action<TextWriter> write)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" };
        write(writer);
    }
}
