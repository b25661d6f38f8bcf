using System.Text;
using System.Text.Json;
using XmtpSim.Checks.Output;
using XmtpSim.Checks.Recording;
using XmtpSim.Actors.Journal;
using XmtpSim.Checks.Results;
using XmtpSim.Engine.Journal;
using XmtpSim.Scenarios;
using XmtpSim.Scenarios.Checks;
using static XmtpSim.Checks.Tests.Histories;

namespace XmtpSim.Checks.Tests;

public sealed class OutputTests
{
    private const string ScenarioYaml = """
        name: outputs-test
        seed: 7
        duration: 1m
        drain: 30s
        network:
          nodes: 3
        faults:
          - { at: 10s, crash: 300, restart_after: 5s }
        checks:
          - no_loss
          - causal_order
          - { latency_p99_below: 2s }
        """;

    private static (RunResults Results, RecordedHistory History, Scenario Scenario) Build(double wallSeconds = 1.25)
    {
        var wall = new WallProfile(0.25 * wallSeconds, 0.5 * wallSeconds, 0.25 * wallSeconds, (long)(wallSeconds * 1e9), 0.125, [9, 4, 1], 0.0625, 1234, 6L << 21, 5L << 30);
        var scenario = ScenarioLoader.Parse(ScenarioYaml, "scenarios/outputs-test.yaml");
        var history = Record(Good().With(new FaultEvent(10 * S, "crash", "node-300"), new FaultEvent(15 * S, "restart", "node-300")));
        var checks = CheckRunner.Run(scenario.Checks, history);
        var info = new RunInfo(scenario.Name, scenario.Seed, new string('a', 64), 90, wallSeconds, "real", wall);
        return (RunResultsBuilder.Build(info, history, checks), history, scenario);
    }

    private static string Deliveries(RecordedHistory history)
    {
        using var stream = new MemoryStream();
        DeliveriesCsv.Write(stream, history);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Text(Action<TextWriter> write)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        write(writer);
        return writer.ToString();
    }

    [Fact]
    public void Summary_json_has_every_contract_field()
    {
        var (results, _, _) = Build();

        using var json = JsonDocument.Parse(SummaryJson.ToBytes(results));
        var root = json.RootElement;

        var keys = root.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(SummaryJson.ContractKeys, keys.Take(SummaryJson.ContractKeys.Count));
        Assert.Equal("outputs-test", root.GetProperty("scenario").GetString());
        Assert.Equal(7, root.GetProperty("seed").GetInt64());
        Assert.Equal(new string('a', 64), root.GetProperty("journal_sha256").GetString());
        Assert.Equal(90, root.GetProperty("sim_seconds").GetDouble());
        Assert.Equal(1.25, root.GetProperty("wall_seconds").GetDouble());
        Assert.Equal(0.3125, root.GetProperty("wall_build_seconds").GetDouble());
        Assert.Equal(0.625, root.GetProperty("wall_simulate_seconds").GetDouble());
        Assert.Equal(0.3125, root.GetProperty("wall_checks_seconds").GetDouble());
        Assert.Equal(1_250_000_000, root.GetProperty("wall_peak_memory_bytes").GetInt64());
        Assert.Equal(0.125, root.GetProperty("wall_gc_pause_seconds").GetDouble());
        Assert.Equal([9, 4, 1], root.GetProperty("wall_gc_collections").EnumerateArray().Select(c => c.GetInt32()));
        Assert.Equal(0.0625, root.GetProperty("wall_jit_seconds").GetDouble());
        Assert.Equal(1234, root.GetProperty("wall_jit_methods").GetInt64());
        Assert.Equal(6L << 21, root.GetProperty("wall_huge_page_bytes").GetInt64());
        Assert.Equal(5L << 30, root.GetProperty("wall_allocated_bytes").GetInt64());
        Assert.Equal(results.Events, root.GetProperty("events").GetInt64());
        Assert.Equal(3, root.GetProperty("envelopes_published").GetInt64());
        Assert.Equal(4, root.GetProperty("envelopes_delivered").GetInt64());
        var latency = root.GetProperty("latency_ms");
        Assert.Equal(["p50", "p90", "p99", "max"], latency.EnumerateObject().Select(p => p.Name).Take(4));
        Assert.Equal(300, latency.GetProperty("p99").GetDouble());
        Assert.Equal(200, latency.GetProperty("p50").GetDouble());
        var checks = root.GetProperty("checks");
        Assert.Equal("pass", checks.GetProperty("no_loss").GetString());
        Assert.Equal("pass", checks.GetProperty("causal_order").GetString());
        Assert.Equal("pass", checks.GetProperty("latency_p99_below").GetString());
        var fees = root.GetProperty("fees");
        Assert.Equal(210, fees.GetProperty("total_picodollars").GetInt64());
        Assert.Equal(100, fees.GetProperty("per_message_picodollars").GetProperty("p50").GetInt64());
        Assert.Equal(110, fees.GetProperty("per_message_picodollars").GetProperty("p99").GetInt64());
        Assert.Equal(110, fees.GetProperty("by_payer").GetProperty("gateway-1").GetInt64());
        Assert.Equal(100, fees.GetProperty("by_payer").GetProperty("gateway-2").GetInt64());
        Assert.Equal(110, fees.GetProperty("by_node").GetProperty("node-100").GetInt64());
        Assert.Equal(100, fees.GetProperty("by_node").GetProperty("node-200").GetInt64());
        var faults = root.GetProperty("faults");
        Assert.Equal(2, faults.GetArrayLength());
        Assert.Equal("crash", faults[0].GetProperty("fault").GetString());
        Assert.Equal("node-300", faults[0].GetProperty("detail").GetString());
        Assert.Equal(0, root.GetProperty("misbehavior_reports").GetArrayLength());
        Assert.Equal("real", root.GetProperty("crypto").GetString());
        Assert.Equal(1, root.GetProperty("chain").GetProperty("blocks").GetInt64());
        Assert.Equal(1, root.GetProperty("messages").GetProperty("by_type").GetProperty("PublishRequest").GetProperty("sent").GetInt64());
    }

    [Fact]
    public void Fee_summary_counts_originations_congestion_units_and_fees_per_topic_kind()
    {
        var (results, _, _) = Build();

        Assert.Equal(2, results.Fees.Originated);
        Assert.Equal(1, results.Fees.CongestionUnitsSum);
        Assert.Equal(0.5, results.Fees.MeanCongestionUnits);
        var kind = Assert.Single(results.Fees.ByKind);
        Assert.Equal(new KindFees("group_messages_v1", 2, 200, 10), kind);
        Assert.Equal(105, kind.MeanPicodollars);

        using var json = JsonDocument.Parse(SummaryJson.ToBytes(results));
        var fees = json.RootElement.GetProperty("fees");
        Assert.Equal(2, fees.GetProperty("originated").GetInt64());
        Assert.Equal(1, fees.GetProperty("congestion_units_sum").GetInt64());
        Assert.Equal(210, fees.GetProperty("by_kind").GetProperty("group_messages_v1").GetProperty("total_picodollars").GetInt64());
    }

    [Fact]
    public void Summary_json_lists_misbehavior_reports_with_their_fields()
    {
        var history = Record(Good().With(new MisbehaviorReportTestEvent(2 * S, "node-300", "node-100")));
        var results = RunResultsBuilder.Build(new RunInfo("x", 1, "00", 3, 0, "modeled"), history, []);

        using var json = JsonDocument.Parse(SummaryJson.ToBytes(results));
        var report = Assert.Single(json.RootElement.GetProperty("misbehavior_reports").EnumerateArray());

        Assert.Equal("node-300", report.GetProperty("accused").GetString());
        Assert.Equal("node-100", report.GetProperty("fields").GetProperty("reporter").GetString());
    }

    [Fact]
    public void Csv_files_start_with_their_headers()
    {
        var (_, history, _) = Build();

        Assert.StartsWith(
            "publish_ns,apply_ns,latency_ms,client,node,topic,originator,seq,fee_picodollars\n",
            Deliveries(history),
            StringComparison.Ordinal);
        Assert.StartsWith(
            "minute,published,acknowledged,originated,replicated,indexed,applied,fees_picodollars,messages_sent,messages_delivered,messages_dropped\n",
            Text(w => ThroughputCsv.Write(w, history)),
            StringComparison.Ordinal);
        Assert.StartsWith(
            "minute,node,messages,base_picodollars,congestion_picodollars,total_picodollars,max_congestion_units\n",
            Text(w => FeesCsv.Write(w, history)),
            StringComparison.Ordinal);
        Assert.StartsWith("time_s,node,originator,max_seq,originator_max_seq,lag\n", Text(w => CursorsCsv.Write(w, history)), StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_rows_carry_the_recorded_numbers()
    {
        var (_, history, _) = Build();

        var deliveries = Deliveries(history).Split('\n');
        var throughput = Text(w => ThroughputCsv.Write(w, history)).Split('\n');
        var fees = Text(w => FeesCsv.Write(w, history)).Split('\n');
        var cursors = Text(w => CursorsCsv.Write(w, history)).Split('\n');

        Assert.Equal($"1000000000,1200000000,200,client-1,node-100,{Topic},100,1,110", deliveries[1]);
        Assert.Equal("0,3,3,2,4,3,4,210,1,1,1", throughput[1]);
        Assert.Equal(["0,node-100,1,100,10,110,1", "0,node-200,1,100,0,100,0"], fees[1..3]);
        // At 10 s every node holds 0:1, 100:1 and 200:1; node-300 is the last row block.
        Assert.Contains("10,node-300,100,1,1,0", cursors);
        Assert.Contains("10,node-300,0,1,1,0", cursors);
        Assert.Contains("10,node-100,200,1,1,0", cursors);
    }

    [Fact]
    public void Delivery_rows_write_fractional_latency_and_leave_unknown_fields_empty_and_quote_names()
    {
        var history = Record(
        [
            new ClientApplyEvent(1 * S + 250_500_001, "client,\"1\"", Topic, 100, 7, 1 * S, "client-9", "{0:1}", false, "node-100", 42),
            new ClientApplyEvent(3 * S, "client-2", Topic, 200, ulong.MaxValue, -1, string.Empty, "{0:1}", true, string.Empty, -5),
        ]);

        var rows = Deliveries(history).Split('\n');

        Assert.Equal($"1000000000,1250500001,250.500001,\"client,\"\"1\"\"\",node-100,{Topic},100,7,42", rows[1]);
        Assert.Equal($"-1,3000000000,,client-2,,{Topic},200,18446744073709551615,-5", rows[2]);
        Assert.Equal(string.Empty, rows[3]);
    }

    [Fact]
    public void Delivery_latencies_print_as_the_six_decimal_format_of_their_milliseconds()
    {
        // The file formats latencies from integers; they must read exactly as (ns / 1e6) in "0.######" would.
        var random = new Random(11);
        var latencies = new List<long> { 0, 1, 10, 999_999, 1_000_000, 1_000_001, 86_400_000_000_000, 999_999_999_999_999, 1_000_000_000_000_000, 1_234_567_890_123_456_789 };
        for (var i = 0; i < 2_000; i++)
        {
            latencies.Add(random.NextInt64(0, i % 2 == 0 ? 10_000_000_000 : 100_000_000_000_000));
        }

        const long published = 5 * S;
        var history = Record(latencies.Select(ns => (XmtpSim.Engine.Journal.JournalEvent)new ClientApplyEvent(
            published + ns, "client-1", Topic, 100, 1, published, "client-9", "{0:1}", false, "node-100", 1)));

        var rows = Deliveries(history).Split('\n')[1..^1];

        Assert.Equal(
            latencies.Select(ns => (ns / 1e6).ToString("0.######", System.Globalization.CultureInfo.InvariantCulture)),
            rows.Select(row => row.Split(',')[2]));
    }

    [Fact]
    public void Cursor_lag_is_the_originators_max_minus_the_nodes()
    {
        var history = Record(Good().Without(e => e is XmtpSim.Actors.Journal.NodeStoreEvent { Node: "node-300", Originator: 200 }));

        var cursors = Text(w => CursorsCsv.Write(w, history)).Split('\n');

        Assert.Contains("10,node-300,200,0,1,1", cursors);
    }

    [Fact]
    public void Report_md_names_the_scenario_what_ran_and_every_check()
    {
        var (results, _, scenario) = Build();

        var report = ReportMarkdown.ToText(results, scenario);

        Assert.StartsWith("# outputs-test (seed 7)\n", report, StringComparison.Ordinal);
        Assert.Contains("**All checks passed.**", report, StringComparison.Ordinal);
        Assert.Contains("- Topology: 3 nodes [100, 200, 300]", report, StringComparison.Ordinal);
        Assert.Contains("  - 10s: crash node 300, restart after 5s", report, StringComparison.Ordinal);
        Assert.Contains("| no_loss | pass | 3 acknowledged envelopes;", report, StringComparison.Ordinal);
        Assert.Contains("| causal_order | pass |", report, StringComparison.Ordinal);
        Assert.Contains("| latency_p99_below | pass | p99 300ms < 2000ms", report, StringComparison.Ordinal);
        Assert.Contains("- 10s crash node-300", report, StringComparison.Ordinal);
        Assert.DoesNotContain("wall", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_md_shows_a_failing_checks_counter_example()
    {
        var history = Record(Good().Without(e => e is XmtpSim.Actors.Journal.NodeStoreEvent { Node: "node-300", Originator: 100 }));
        var checks = CheckRunner.Run([NoLossCheck.Instance], history);
        var results = RunResultsBuilder.Build(new RunInfo("lossy", 3, "00", 3, 0, "real"), history, checks);

        var report = ReportMarkdown.ToText(results, null);

        Assert.Contains("**1 of 1 checks failed.**", report, StringComparison.Ordinal);
        Assert.Contains("| no_loss | **FAIL** |", report, StringComparison.Ordinal);
        Assert.Contains("- **no_loss** first counter-example: envelope 100:1", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_history_gives_byte_identical_outputs_apart_from_wall_seconds()
    {
        var first = Directory.CreateTempSubdirectory("xmtpsim-checks-");
        var second = Directory.CreateTempSubdirectory("xmtpsim-checks-");
        try
        {
            var a = Build(wallSeconds: 1.5);
            var b = Build(wallSeconds: 9.75);
            RunOutput.WriteAll(first.FullName, a.Results, a.History, a.Scenario);
            RunOutput.WriteAll(second.FullName, b.Results, b.History, b.Scenario);

            foreach (var name in RunOutput.FileNames)
            {
                var left = File.ReadAllBytes(Path.Combine(first.FullName, name));
                var right = File.ReadAllBytes(Path.Combine(second.FullName, name));
                if (name == "summary.json")
                {
                    left = WithoutWall(left);
                    right = WithoutWall(right);
                }

                Assert.True(left.AsSpan().SequenceEqual(right), $"{name} differs");
                Assert.DoesNotContain((byte)'\r', left);
            }
        }
        finally
        {
            first.Delete(recursive: true);
            second.Delete(recursive: true);
        }
    }

    [Fact]
    public void Recorder_attached_to_a_journal_writer_sees_every_event()
    {
        using var journal = new JournalWriter();
        var recorder = JournalRecorder.Attach(journal, Nodes);
        foreach (var journalEvent in Good())
        {
            journal.Append(journalEvent);
        }

        journal.Finish();

        Assert.Equal(journal.Count, recorder.History.EventCount);
        Assert.Equal(4, recorder.History.Applies.Count);
        Assert.True(CheckRunner.Run([NoLossCheck.Instance], recorder.History)[0].Passed);
    }

    [Fact]
    public void A_recorder_streams_the_deliveries_rows_the_finished_history_gives()
    {
        using var journal = new JournalWriter();
        var recorder = JournalRecorder.Attach(journal, Nodes);
        using var streamed = new MemoryStream();
        var rows = recorder.StreamDeliveriesTo(streamed);
        foreach (var journalEvent in Good())
        {
            journal.Append(journalEvent);
        }

        journal.Finish();
        rows.Flush();

        Assert.Equal(4, rows.Rows);
        Assert.Equal(Deliveries(recorder.History), Encoding.UTF8.GetString(streamed.ToArray()));
        Assert.Throws<InvalidOperationException>(() => recorder.StreamDeliveriesTo(new MemoryStream()));
    }

    private static byte[] WithoutWall(byte[] json)
    {
        var lines = Encoding.UTF8.GetString(json).Split('\n').Where(l => !l.TrimStart().StartsWith("\"wall_", StringComparison.Ordinal));
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }
}
