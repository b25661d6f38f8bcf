using System.Globalization;
using System.Text.Json;

namespace XmtpSim.Cli.Tests;

public sealed class SweepCommandTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "xmtpsim-sweep-tests-" + Guid.NewGuid().ToString("N"));

    private static string FeeModel => RepoFiles.Path("scenarios/fee-model.yaml");

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    [Fact]
    public void Bad_vary_key_exits_2_naming_the_option_before_running_anything()
    {
        var (code, _, error) = CliRunner.Run("sweep", FeeModel, "--vary", "workload.nope=1,2", "--out", _out, "--quiet");

        Assert.Equal(2, code);
        Assert.Contains("--vary workload.nope=1,2", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_out));
    }

    [Fact]
    public void Bad_vary_value_and_missing_vary_exit_2()
    {
        var (badValue, _, error) = CliRunner.Run("sweep", FeeModel, "--vary", "network.nodes=3,-1", "--out", _out);
        Assert.Equal(2, badValue);
        Assert.Contains("--vary network.nodes=3,-1", error, StringComparison.Ordinal);

        var (missing, _, _) = CliRunner.Run("sweep", FeeModel, "--out", _out);
        Assert.Equal(2, missing);

        var (badSeeds, _, seedsError) = CliRunner.Run("sweep", FeeModel, "--vary", "network.nodes=3", "--seeds", "0", "--out", _out);
        Assert.Equal(2, badSeeds);
        Assert.Contains("--seeds", seedsError, StringComparison.Ordinal);
    }

    /// <summary>
    /// The fee-modelling promise: a sweep's fees are what <c>xmtpsim fee quote</c> says for the same inputs. Every
    /// originated envelope's base fee equals the quote for its payer-envelope size (read from the run's journal) and
    /// the retention the point set; below target the congestion part is 0, as the quote at the run's peak
    /// per-minute rate per node says; and the sweep's figures add up to those quotes.
    /// </summary>
    [Fact]
    public void Sweep_fees_agree_with_fee_quote_for_the_same_sizes_and_retention()
    {
        var (code, output, error) = CliRunner.Run(
            "sweep", FeeModel, "--vary", "workload.retention_days=30,365", "--seeds", "1", "--out", _out, "--quiet",
            "--set", "duration=40s", "--set", "drain=10s", "--set", "journal=full");
        Assert.True(code == 0, error + output);

        var rows = ReadCsv(Path.Combine(_out, "sweep.csv"));
        Assert.Equal(2, rows.Count);
        foreach (var row in rows)
        {
            var days = long.Parse(row["workload.retention_days"], CultureInfo.InvariantCulture);
            var originations = Originations(Path.Combine(_out, "runs", $"{row["point"]}-seed{row["seed"]}", "journal.ndjson"));
            Assert.NotEmpty(originations);
            var quotes = originations.Select(o => o.Bytes).Distinct().ToDictionary(b => b, b => Quote(b, days, 0));
            long total = 0;
            foreach (var o in originations)
            {
                Assert.Equal(quotes[o.Bytes].BaseFee, o.BaseFee);
                Assert.Equal(0, o.Units);
                Assert.Equal(0, o.CongestionFee);
                total += quotes[o.Bytes].BaseFee;
            }

            var peakPerNodeMinute = originations.GroupBy(o => (o.Node, o.TimeNs / 60_000_000_000)).Max(g => g.Count());
            Assert.Equal(0, Quote(originations[0].Bytes, days, peakPerNodeMinute).Units);
            Assert.Equal(total, long.Parse(row["fees_total_picodollars"], CultureInfo.InvariantCulture));
            Assert.Equal(0, long.Parse(row["congestion_fee_picodollars_total"], CultureInfo.InvariantCulture));
            Assert.Equal(originations.Count, long.Parse(row["originated_envelopes"], CultureInfo.InvariantCulture));
            Assert.Equal((double)total / originations.Count, double.Parse(row["cost_per_message_picodollars"], CultureInfo.InvariantCulture), 6);
            Assert.Equal(total / 3.0, double.Parse(row["operator_revenue_per_node_picodollars"], CultureInfo.InvariantCulture), 6);
            Assert.Equal("true", row["checks_passed"]);
        }

        Assert.True(File.Exists(Path.Combine(_out, "sweep.md")));
        var html = File.ReadAllText(Path.Combine(_out, "sweep.html"));
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Contains("no confidence interval", html, StringComparison.Ordinal);

        // Charts are drawn by default: PNGs under charts/, linked from sweep.md, embedded in sweep.html as data URIs.
        var fees = Path.Combine(_out, "charts", "fees_total_picodollars-vs-workload.retention_days.png");
        Assert.True(File.Exists(fees));
        Assert.Contains("](charts/fees_total_picodollars-vs-workload.retention_days.png)", File.ReadAllText(Path.Combine(_out, "sweep.md")), StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/png;base64," + Convert.ToBase64String(File.ReadAllBytes(fees)) + "\"", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// Above target at a steady rate the simulated congestion fee is the quote's: one node at about 10× target, so
    /// from the third minute on (the previous minute full, whatever the epoch's alignment) every envelope pays the
    /// quote's congestion fee at the run's measured per-minute rate (saturated: 100 units).
    /// </summary>
    [Fact]
    public void Steady_overload_pays_the_quotes_congestion_fee()
    {
        var (code, output, error) = CliRunner.Run(
            "run", FeeModel, "--out", _out, "--quiet", "--set", "network.nodes=1", "--set", "fees.target_rate_per_minute=60",
            "--set", "workload.message_rate_per_client=0.1", "--set", "duration=150s", "--set", "drain=10s", "--set", "journal=full");
        Assert.True(code == 0, error + output);

        var originations = Originations(Path.Combine(_out, "journal.ndjson"));
        var secondMinute = originations.Count(o => o.TimeNs is >= 60_000_000_000 and < 120_000_000_000);
        Assert.True(secondMinute > 90, $"{secondMinute} envelopes in minute 1: not above 1.5 × target");
        var late = originations.Where(o => o.TimeNs >= 120_000_000_000).ToList();
        Assert.NotEmpty(late);
        foreach (var o in late)
        {
            var quote = Quote(o.Bytes, 60, secondMinute, "--target-rate-per-minute", "60");
            Assert.Equal(quote.Units, o.Units);
            Assert.Equal(quote.CongestionFee, o.CongestionFee);
            Assert.Equal(quote.BaseFee, o.BaseFee);
        }
    }

    private static (long BaseFee, int Units, long CongestionFee) Quote(long bytes, long days, long ratePerMinute, params string[] extra)
    {
        var (code, output, error) = CliRunner.Run(
            ["fee", "quote", "--bytes", bytes.ToString(CultureInfo.InvariantCulture), "--retention-days", days.ToString(CultureInfo.InvariantCulture),
                "--rate-per-minute", ratePerMinute.ToString(CultureInfo.InvariantCulture), "--json", .. extra]);
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        return (root.GetProperty("base_fee_picodollars").GetInt64(), root.GetProperty("congestion_units").GetInt32(), root.GetProperty("congestion_fee_picodollars").GetInt64());
    }

    private static List<(long TimeNs, string Node, int Bytes, long BaseFee, long CongestionFee, int Units)> Originations(string journal)
    {
        var list = new List<(long, string, int, long, long, int)>();
        foreach (var line in File.ReadLines(journal))
        {
            if (!line.Contains("\"k\":\"originate\"", StringComparison.Ordinal))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var e = json.RootElement;
            list.Add((e.GetProperty("t").GetInt64(), e.GetProperty("node").GetString()!, e.GetProperty("bytes").GetInt32(),
                e.GetProperty("base_fee").GetInt64(), e.GetProperty("congestion_fee").GetInt64(), e.GetProperty("units").GetInt32()));
        }

        return list;
    }

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }
}
