using System.Globalization;
using XmtpSim.Checks.Results;
using XmtpSim.Scenarios;

namespace XmtpSim.Checks.Output;

/// <summary>
/// <c>report.md</c>: scenario and seed, what ran (topology, workload, faults), every check with its verdict and
/// evidence, and the headline numbers. Deterministic: wall time is left out so the same run gives the same bytes.
/// </summary>
public static class ReportMarkdown
{
    /// <summary>Writes the report; <paramref name="scenario"/> adds the "what ran" section when given.</summary>
    public static void Write(TextWriter writer, RunResults results, Scenario? scenario)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(results);
        var r = results;
        void L(string line = "") => Csv.Line(writer, line);

        L($"# {r.Scenario} (seed {r.Seed})");
        L();
        L(r.AllChecksPassed ? "**All checks passed.**" : $"**{r.Checks.Count(c => !c.Passed)} of {r.Checks.Count} checks failed.**");
        L();
        L($"Journal SHA-256 `{r.JournalSha256}`, {r.Events} events over {N(r.SimSeconds)} simulated seconds, crypto `{r.Crypto}`.");
        L();
        if (scenario is not null)
        {
            L("## What ran");
            L();
            L($"- Duration {ScenarioText.Duration(scenario.Duration)} plus drain {ScenarioText.Duration(scenario.Drain)}");
            L($"- Topology: {ScenarioText.Topology(scenario)}");
            L($"- Workload: {ScenarioText.Workload(scenario)}");
            L($"- Fees: message {scenario.Fees.MessageFee}, storage {scenario.Fees.StorageFee}, congestion {scenario.Fees.CongestionFee} picodollars, " +
                $"target {scenario.Fees.TargetRatePerMinute}/min");
            if (scenario.Faults.Count == 0)
            {
                L("- Faults: none");
            }
            else
            {
                L("- Faults:");
                foreach (var fault in scenario.Faults)
                {
                    L($"  - {ScenarioText.Fault(fault)}");
                }
            }

            L();
        }

        L("## Checks");
        L();
        if (r.Checks.Count == 0)
        {
            L("No checks configured.");
        }
        else
        {
            L("| check | verdict | evidence |");
            L("|---|---|---|");
            foreach (var check in r.Checks)
            {
                L($"| {check.Name} | {(check.Passed ? "pass" : "**FAIL**")} | {Cell(check.Evidence)} |");
            }

            foreach (var check in r.Checks.Where(c => !c.Passed))
            {
                L();
                L($"- **{check.Name}** first counter-example: {check.CounterExample}");
            }
        }

        L();
        L("## Headline numbers");
        L();
        L("| metric | value |");
        L("|---|---|");
        L($"| envelopes published / acknowledged / failed | {r.EnvelopesPublished} / {r.Delivery.Acknowledged} / {r.Delivery.PublishFailures} |");
        L($"| client applies | {r.EnvelopesDelivered} |");
        L($"| expected deliveries applied | {r.Delivery.AppliedExpected} / {r.Delivery.Expected} ({r.Delivery.Ratio.ToString("0.00000", CultureInfo.InvariantCulture)}) |");
        L($"| latency p50 / p90 / p99 / max | {N(r.LatencyMs.P50)} / {N(r.LatencyMs.P90)} / {N(r.LatencyMs.P99)} / {N(r.LatencyMs.Max)} ms over {r.LatencyMs.Count} applies |");
        L($"| fees total | {r.Fees.TotalPicodollars} picodollars (base {r.Fees.BasePicodollars}, congestion {r.Fees.CongestionPicodollars}) |");
        L($"| fee per message p50 / p99 | {r.Fees.PerMessagePicodollars.P50} / {r.Fees.PerMessagePicodollars.P99} picodollars |");
        L($"| replication copies / lag p50 / p99 / max | {r.Replication.Copies} / {N(r.Replication.LagP50Ms)} / {N(r.Replication.LagP99Ms)} / {N(r.Replication.LagMaxMs)} ms |");
        L($"| chain blocks / txs / mean gas fill / rejects | {r.Chain.Blocks} / {r.Chain.Transactions} / {N(r.Chain.MeanGasFill)} / {r.Chain.Rejects} |");
        L($"| messages sent / delivered / dropped | {r.Messages.Sent} / {r.Messages.Delivered} / {r.Messages.Dropped} |");
        L($"| gateway retries / node rejects / sequence anomalies | {r.Replication.GatewayRetries} / {r.Replication.NodeRejects} / {r.Replication.SequenceAnomalies} |");
        L();
        if (r.Fees.ByNode.Count > 0)
        {
            L("Operator revenue: " + string.Join(", ", r.Fees.ByNode.Select(kv => $"{kv.Key} {kv.Value}")) + " picodollars.");
            L();
        }

        L("## Faults in the journal");
        L();
        if (r.Faults.Count == 0)
        {
            L("None.");
        }
        else
        {
            foreach (var fault in r.Faults)
            {
                L($"- {N(fault.AtNs / 1e9)}s {fault.Fault} {fault.Detail}");
            }
        }

        L();
        L($"Misbehavior reports: {r.MisbehaviorReports.Count}.");
    }

    /// <summary>The report's text.</summary>
    public static string ToText(RunResults results, Scenario? scenario)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, results, scenario);
        return writer.ToString();
    }

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
