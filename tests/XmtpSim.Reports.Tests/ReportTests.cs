using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using XmtpSim.Actors.Journal;
using XmtpSim.Reports.Charts;
using static XmtpSim.Checks.Tests.Histories;

namespace XmtpSim.Reports.Tests;

public sealed partial class ReportTests
{
    private static string SnapshotPath => Path.Combine(AppContext.BaseDirectory, "Snapshots", "report.md");

    [Fact]
    public void Report_md_matches_the_snapshot_in_invariant_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // A culture with a decimal comma and odd group separator must not leak into the report (the build runs in
            // globalization-invariant mode, so the culture is a modified clone of the invariant one).
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            comma.NumberFormat.NumberGroupSeparator = ".";
            CultureInfo.CurrentCulture = comma;
            var (results, history, scenario) = Runs.Build(WithFaults());

            var text = RunReportMarkdown.ToText(results, scenario, ChartBuilder.Build(results, history, scenario));

            if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
            {
                File.WriteAllText(SourceSnapshotPath(), text);
            }

            var expected = File.ReadAllText(SnapshotPath);
            Assert.True(expected == text, "report.md differs from Snapshots/report.md; actual:\n" + text);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    /// <summary>The snapshot in the source tree (UPDATE_SNAPSHOTS=1 rewrites it; review the diff before committing).</summary>
    private static string SourceSnapshotPath([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Snapshots", "report.md");

    [Fact]
    public void Write_all_writes_charts_and_reports_and_the_same_history_gives_the_same_bytes()
    {
        using var first = new Runs.TempDir();
        using var second = new Runs.TempDir();
        var a = Runs.Build(WithFaults());
        var b = Runs.Build(WithFaults());

        var written = RunReport.WriteAll(first.Path, a.Results, a.History, a.Scenario);
        RunReport.WriteAll(second.Path, b.Results, b.History, b.Scenario);

        var names = written.Select(Path.GetFileName).ToList();
        Assert.Equal(13, names.Count);
        Assert.Equal(["report.md", "report.html"], names.TakeLast(2));
        foreach (var name in names)
        {
            var left = File.ReadAllBytes(Path.Combine(first.Path, name!));
            var right = File.ReadAllBytes(Path.Combine(second.Path, name!));
            Assert.True(left.AsSpan().SequenceEqual(right), $"{name} differs between two reports of the same history");
        }

        var markdown = File.ReadAllText(Path.Combine(first.Path, "report.md"));
        foreach (var png in names.Where(n => n!.EndsWith(".png", StringComparison.Ordinal)))
        {
            Assert.Contains($"]({png})", markdown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_empty_chart_is_a_note_in_the_report_not_an_empty_frame()
    {
        using var dir = new Runs.TempDir();
        var (results, history, scenario) = Runs.Build(Good().Without(e => e is ChainTxEvent or ChainBlockEvent));

        var written = RunReport.WriteAll(dir.Path, results, history, scenario).Select(Path.GetFileName).ToList();

        Assert.DoesNotContain("chain-block-fill.png", written);
        Assert.False(File.Exists(Path.Combine(dir.Path, "chain-block-fill.png")));
        var markdown = File.ReadAllText(Path.Combine(dir.Path, "report.md"));
        Assert.Contains("### App chain block fill\n\n*No data: the app chain sealed no block.*\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("chain-block-fill.png", markdown, StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(dir.Path, "report.html"));
        Assert.Contains("<p class=\"note\">No data: the app chain sealed no block.</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_html_is_self_contained()
    {
        using var dir = new Runs.TempDir();
        var (results, history, scenario) = Runs.Build(WithFaults());
        RunReport.WriteAll(dir.Path, results, history, scenario);

        var html = File.ReadAllText(Path.Combine(dir.Path, "report.html"));

        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(ReportHtml.ContentSecurityPolicy, html, StringComparison.Ordinal);
        Assert.Contains("name=\"viewport\"", html, StringComparison.Ordinal);
        Assert.Contains("@media (max-width: 600px)", html, StringComparison.Ordinal);
        var sources = ImageSource().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(11, sources.Count);
        Assert.All(sources, src => Assert.StartsWith("data:image/png;base64,", src, StringComparison.Ordinal));
        Assert.Contains("<h1>reports-test (seed 7)</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<td>latency_p99_below</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_day_long_run_keeps_the_report_under_a_few_megabytes()
    {
        using var dir = new Runs.TempDir();
        var (results, history, scenario) = Runs.Build(Large(), simSeconds: 86_400);

        RunReport.WriteAll(dir.Path, results, history, scenario);

        var html = new FileInfo(Path.Combine(dir.Path, "report.html")).Length;
        Assert.InRange(html, 100_000, 3_000_000);
        Assert.InRange(new FileInfo(Path.Combine(dir.Path, "report.md")).Length, 1_000, 50_000);
    }

    [ChromiumFact]
    public void Report_html_renders_in_headless_chromium_with_every_image_loaded()
    {
        Assert.True(File.Exists(ChromiumFactAttribute.ChromiumPath),
            $"CI=true but Chromium is missing at {ChromiumFactAttribute.ChromiumPath}; install the Debian package chromium.");
        using var dir = new Runs.TempDir();
        var (results, history, scenario) = Runs.Build(WithFaults());
        RunReport.WriteAll(dir.Path, results, history, scenario);
        var html = File.ReadAllText(Path.Combine(dir.Path, "report.html"));

        // A test-only copy: let one inline script run (the page's CSP still allows images only from data URIs) and have it
        // write how many images decoded into the title once the page has loaded.
        const string probe = """
            <script>
            window.addEventListener('load', function () {
              var images = Array.prototype.slice.call(document.images);
              var loaded = images.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length;
              document.title = 'IMAGES ' + loaded + '/' + images.length + ' WIDTH ' + document.documentElement.scrollWidth + ' VIEWPORT ' + window.innerWidth;
            });
            </script>
            """;
        var copy = html
            .Replace(ReportHtml.ContentSecurityPolicy, ReportHtml.ContentSecurityPolicy + "; script-src 'unsafe-inline'", StringComparison.Ordinal)
            .Replace("</body>", probe + "\n</body>", StringComparison.Ordinal);
        var page = Path.Combine(dir.Path, "probe.html");
        File.WriteAllText(page, copy);

        var dom = DumpDom(page, dir.Path, width: 390);

        var match = ProbeTitle().Match(dom);
        Assert.True(match.Success, "no probe title in the dumped DOM:\n" + dom[..Math.Min(dom.Length, 2000)]);
        Assert.Equal("11", match.Groups[2].Value);
        Assert.Equal(match.Groups[2].Value, match.Groups[1].Value);
        // Narrow (phone-like) window: nothing wider than the viewport forces sideways scrolling of the page (tables scroll
        // inside their own box). Headless Chromium may clamp the window to its minimum width, so compare with innerWidth.
        var viewport = int.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture);
        Assert.InRange(viewport, 1, 600);
        Assert.InRange(int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture), 1, viewport);
    }

    private static string DumpDom(string page, string workDir, int width)
    {
        var start = new ProcessStartInfo(ChromiumFactAttribute.ChromiumPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-extensions",
            "--disable-dev-shm-usage", $"--user-data-dir={Path.Combine(workDir, "profile")}", $"--window-size={width},800",
            "--virtual-time-budget=10000", "--dump-dom", new Uri(page).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("chromium did not finish within 90 s");
        }

        Assert.True(process.ExitCode == 0, $"chromium exited {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    [GeneratedRegex("<img src=\"([^\"]*)\"")]
    private static partial Regex ImageSource();

    [GeneratedRegex(@"<title>IMAGES (\d+)/(\d+) WIDTH (\d+) VIEWPORT (\d+)</title>")]
    private static partial Regex ProbeTitle();
}
