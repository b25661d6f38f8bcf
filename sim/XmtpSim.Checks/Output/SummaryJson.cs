using System.Text.Encodings.Web;
using System.Text.Json;
using XmtpSim.Checks.Results;

namespace XmtpSim.Checks.Output;

/// <summary>
/// <c>summary.json</c>: the contract fields of SCENARIOS.md first, in contract order, then extras; keys in a fixed
/// order, numbers in invariant form, indented with "\n" line ends. Same results ⇒ same bytes (apart from
/// <c>wall_seconds</c>).
/// </summary>
public static class SummaryJson
{
    /// <summary>The contract's top-level keys, in the order they are written.</summary>
    public static IReadOnlyList<string> ContractKeys { get; } =
    [
        "scenario", "seed", "journal_sha256", "sim_seconds", "wall_seconds", "events", "envelopes_published", "envelopes_delivered",
        "latency_ms", "checks", "fees", "faults", "misbehavior_reports",
    ];

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="results"/> to <paramref name="stream"/> (UTF-8, trailing newline).</summary>
    public static void Write(Stream stream, RunResults results)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(results);
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            WriteResults(w, results);
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>The file's bytes.</summary>
    public static byte[] ToBytes(RunResults results)
    {
        using var stream = new MemoryStream();
        Write(stream, results);
        return stream.ToArray();
    }

    private static void WriteResults(Utf8JsonWriter w, RunResults r)
    {
        w.WriteStartObject();
        w.WriteString("scenario", r.Scenario);
        w.WriteNumber("seed", r.Seed);
        w.WriteString("journal_sha256", r.JournalSha256);
        w.WriteNumber("sim_seconds", r.SimSeconds);
        w.WriteNumber("wall_seconds", r.WallSeconds);
        w.WriteNumber("events", r.Events);
        w.WriteNumber("envelopes_published", r.EnvelopesPublished);
        w.WriteNumber("envelopes_delivered", r.EnvelopesDelivered);

        w.WriteStartObject("latency_ms");
        w.WriteNumber("p50", r.LatencyMs.P50);
        w.WriteNumber("p90", r.LatencyMs.P90);
        w.WriteNumber("p99", r.LatencyMs.P99);
        w.WriteNumber("max", r.LatencyMs.Max);
        w.WriteNumber("count", r.LatencyMs.Count);
        w.WriteEndObject();

        w.WriteStartObject("checks");
        foreach (var check in r.Checks)
        {
            w.WriteString(check.Name, check.Verdict);
        }

        w.WriteEndObject();

        w.WriteStartObject("fees");
        w.WriteNumber("total_picodollars", r.Fees.TotalPicodollars);
        w.WriteStartObject("per_message_picodollars");
        w.WriteNumber("p50", r.Fees.PerMessagePicodollars.P50);
        w.WriteNumber("p99", r.Fees.PerMessagePicodollars.P99);
        w.WriteEndObject();
        WriteMap(w, "by_payer", r.Fees.ByPayer);
        WriteMap(w, "by_node", r.Fees.ByNode);
        w.WriteNumber("base_picodollars", r.Fees.BasePicodollars);
        w.WriteNumber("congestion_picodollars", r.Fees.CongestionPicodollars);
        w.WriteNumber("fee_mismatches", r.Fees.FeeMismatches);
        w.WriteNumber("originated", r.Fees.Originated);
        w.WriteNumber("congestion_units_sum", r.Fees.CongestionUnitsSum);
        w.WriteStartObject("by_kind");
        foreach (var kind in r.Fees.ByKind)
        {
            w.WriteStartObject(kind.Kind);
            w.WriteNumber("envelopes", kind.Envelopes);
            w.WriteNumber("base_picodollars", kind.BasePicodollars);
            w.WriteNumber("congestion_picodollars", kind.CongestionPicodollars);
            w.WriteNumber("total_picodollars", kind.TotalPicodollars);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartArray("faults");
        foreach (var fault in r.Faults)
        {
            w.WriteStartObject();
            w.WriteNumber("at_ns", fault.AtNs);
            w.WriteNumber("at_seconds", fault.AtNs / 1e9);
            w.WriteString("fault", fault.Fault);
            w.WriteString("detail", fault.Detail);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("misbehavior_reports");
        foreach (var report in r.MisbehaviorReports)
        {
            w.WriteStartObject();
            w.WriteNumber("at_ns", report.AtNs);
            w.WriteString("accused", report.Accused);
            w.WriteString("reporter", report.Reporter);
            w.WritePropertyName("fields");
            w.WriteRawValue(report.Fields);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        // Extras beyond the contract.
        // Extras: where the wall time went, and the memory it took (machine measurements, like wall_seconds).
        if (r.Wall is { } wall)
        {
            w.WriteNumber("wall_build_seconds", wall.BuildSeconds);
            w.WriteNumber("wall_simulate_seconds", wall.SimulateSeconds);
            w.WriteNumber("wall_checks_seconds", wall.ChecksSeconds);
            w.WriteNumber("wall_peak_memory_bytes", wall.PeakMemoryBytes);
            w.WriteNumber("wall_gc_pause_seconds", wall.GcPauseSeconds);
            w.WriteStartArray("wall_gc_collections");
            foreach (var count in wall.GcCollections ?? [])
            {
                w.WriteNumberValue(count);
            }

            w.WriteEndArray();
            w.WriteNumber("wall_jit_seconds", wall.JitSeconds);
            w.WriteNumber("wall_jit_methods", wall.JitMethods);
            w.WriteNumber("wall_huge_page_bytes", wall.HugePageBytes);
            w.WriteNumber("wall_allocated_bytes", wall.AllocatedBytes);
        }

        w.WriteString("crypto", r.Crypto);
        w.WriteStartObject("check_evidence");
        foreach (var check in r.Checks)
        {
            w.WriteStartObject(check.Name);
            w.WriteString("verdict", check.Verdict);
            w.WriteString("evidence", check.Evidence);
            if (check.CounterExample is { } counterExample)
            {
                w.WriteString("counter_example", counterExample);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();

        w.WriteStartObject("delivery");
        w.WriteNumber("acknowledged", r.Delivery.Acknowledged);
        w.WriteNumber("publish_failures", r.Delivery.PublishFailures);
        w.WriteNumber("expected", r.Delivery.Expected);
        w.WriteNumber("applied_expected", r.Delivery.AppliedExpected);
        w.WriteNumber("ratio", r.Delivery.Ratio);
        w.WriteNumber("dependency_dropped", r.Delivery.DependencyDropped);
        w.WriteEndObject();

        w.WriteStartObject("messages");
        w.WriteNumber("sent", r.Messages.Sent);
        w.WriteNumber("delivered", r.Messages.Delivered);
        w.WriteNumber("dropped", r.Messages.Dropped);
        w.WriteStartObject("by_type");
        foreach (var type in r.Messages.ByType)
        {
            w.WriteStartObject(type.Type);
            w.WriteNumber("sent", type.Sent);
            w.WriteNumber("delivered", type.Delivered);
            w.WriteNumber("dropped", type.Dropped);
            w.WriteNumber("bytes", type.Bytes);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("chain");
        w.WriteNumber("blocks", r.Chain.Blocks);
        w.WriteNumber("transactions", r.Chain.Transactions);
        w.WriteNumber("gas_used", r.Chain.GasUsed);
        w.WriteNumber("mean_gas_fill", r.Chain.MeanGasFill);
        w.WriteNumber("max_gas_fill", r.Chain.MaxGasFill);
        w.WriteNumber("max_pending", r.Chain.MaxPending);
        w.WriteNumber("rejects", r.Chain.Rejects);
        w.WriteNumber("inclusion_p50_ms", r.Chain.InclusionP50Ms);
        w.WriteNumber("inclusion_p99_ms", r.Chain.InclusionP99Ms);
        w.WriteEndObject();

        w.WriteStartObject("replication");
        w.WriteNumber("copies", r.Replication.Copies);
        w.WriteNumber("indexed", r.Replication.Indexed);
        w.WriteNumber("lag_p50_ms", r.Replication.LagP50Ms);
        w.WriteNumber("lag_p99_ms", r.Replication.LagP99Ms);
        w.WriteNumber("lag_max_ms", r.Replication.LagMaxMs);
        w.WriteNumber("sequence_anomalies", r.Replication.SequenceAnomalies);
        w.WriteNumber("node_rejects", r.Replication.NodeRejects);
        w.WriteNumber("gateway_retries", r.Replication.GatewayRetries);
        w.WriteEndObject();

        WriteMap(w, "events_by_kind", r.EventsByKind);
        w.WriteEndObject();
    }

    private static void WriteMap(Utf8JsonWriter w, string name, IReadOnlyList<KeyValuePair<string, long>> entries)
    {
        w.WriteStartObject(name);
        foreach (var (key, value) in entries)
        {
            w.WriteNumber(key, value);
        }

        w.WriteEndObject();
    }
}
