using System.Globalization;
using XmtpSim.Checks.Evaluation;
using XmtpSim.Checks.Recording;
using XmtpSim.Checks.Results;
using XmtpSim.Protocol.Cursors;
using XmtpSim.Scenarios;

namespace XmtpSim.Reports.Charts;

/// <summary>
/// Measures every chart of a run from its results model and recorded history (no drawing here). Time series are
/// binned by <see cref="TimeBins"/> so a day-long run still draws at most about a thousand points per series.
/// </summary>
public static class ChartBuilder
{
    private const string TimeLabel = "simulated time (s)";
    private const double MsPerNs = 1e-6;

    /// <summary>Every chart, in report order.</summary>
    public static IReadOnlyList<ChartData> Build(RunResults results, RecordedHistory history, Scenario? scenario)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(history);
        var endNs = Math.Max(history.EndNs, (long)(results.SimSeconds * 1e9));
        var bins = TimeBins.For(endNs);
        var faults = FaultWindows.From(history.Faults, endNs);
        var originated = new Dictionary<EnvelopeId, long>();
        foreach (var o in history.Originations)
        {
            originated.TryAdd(o.Envelope, o.TimeNs);
        }

        ChartData Timed(ChartData chart) => chart with { TimeAxis = true, Faults = faults, XMax = endNs / 1e9 };

        // The three charts that read every apply or every store (a day has 71 and 23.5 million) are built at once: each
        // enumeration of a history table has a reader of its own, and each chart only reads.
        ChartData percentiles = null!, throughput = null!, lag = null!;
        Parallel.Invoke(
            () => percentiles = LatencyPercentiles(history, bins),
            () => throughput = Throughput(history, bins),
            () => lag = ReplicationLag(history, bins, originated));
        return
        [
            LatencyCdf(history),
            Timed(percentiles),
            Timed(throughput),
            Timed(lag),
            FeeDistribution(history),
            Timed(FeesOverTime(history, bins)),
            Categories("fees-by-payer.png", "Fees by payer", "Total fees each payer was charged (base plus congestion).", "payer",
                results.Fees.ByPayer, "No data: no envelope was originated, so no payer was charged."),
            Categories("fees-by-node.png", "Operator revenue by node", "Fees collected by each originating node (operator revenue).", "originating node",
                results.Fees.ByNode, "No data: no node originated an envelope."),
            Timed(Congestion(history, TimeBins.For(endNs, minSeconds: 60), scenario)),
            Timed(BlockFill(history, bins)),
            Timed(CommitToIndexed(history, bins)),
        ];
    }

    private static ChartData LatencyCdf(RecordedHistory history)
    {
        var latencies = history.SortedLatencies;
        var points = Math.Min(latencies.Count, TimeBins.MaxBins);
        var xs = new double[points];
        var ys = new double[points];
        for (var i = 0; i < points; i++)
        {
            var rank = CdfRank(i, points, latencies.Count);
            xs[i] = latencies[rank] * MsPerNs;
            ys[i] = (rank + 1) / (double)latencies.Count;
        }

        return new ChartData("latency-cdf.png", "Publish-to-apply latency, CDF",
            $"Fraction of {N(latencies.Count)} client applies whose latency from publish to apply is at most x (log scale, so a long tail stays visible).",
            "publish-to-apply latency (ms, log scale)", "fraction of applies", [new ChartSeries("all clients", xs, ys, SeriesStyle.Step)],
            "No data: no client applied an envelope with a known publish time.")
        {
            LogX = true,
        };
    }

    /// <summary>
    /// The rank (0-based) of the <paramref name="point"/>-th of <paramref name="points"/> CDF points spread evenly
    /// over <paramref name="count"/> sorted values: the first point is the minimum, the last the maximum.
    /// Computed in floating point: <c>point × (count − 1)</c> overflows an int for a day's millions of applies.
    /// </summary>
    internal static int CdfRank(int point, int points, int count) =>
        points == 1 ? count - 1 : (int)Math.Round(point * (double)(count - 1) / (points - 1));

    private static ChartData LatencyPercentiles(RecordedHistory history, TimeBins bins)
    {
        // Two passes, so each bin's array is exactly its size: a day has tens of millions of applies, and lists
        // grown by doubling would hold up to twice that.
        var counts = new int[bins.Count];
        foreach (var apply in history.Applies)
        {
            if (apply.LatencyNs >= 0)
            {
                counts[bins.Of(apply.TimeNs)]++;
            }
        }

        var perBin = new long[bins.Count][];
        for (var b = 0; b < bins.Count; b++)
        {
            perBin[b] = new long[counts[b]];
            counts[b] = 0;
        }

        var scratch = new long[perBin.Max(values => values.Length)];

        foreach (var apply in history.Applies)
        {
            if (apply.LatencyNs >= 0)
            {
                var b = bins.Of(apply.TimeNs);
                perBin[b][counts[b]++] = apply.LatencyNs;
            }
        }

        var p50 = new List<(double, double)>();
        var p90 = new List<(double, double)>();
        var p99 = new List<(double, double)>();
        for (var b = 0; b < bins.Count; b++)
        {
            var values = perBin[b];
            if (values.Length == 0)
            {
                continue;
            }

            RadixSort.Sort(values, scratch);
            var x = bins.Centre(b);
            p50.Add((x, Percentiles.NearestRank(values, 50) * MsPerNs));
            p90.Add((x, Percentiles.NearestRank(values, 90) * MsPerNs));
            p99.Add((x, Percentiles.NearestRank(values, 99) * MsPerNs));
        }

        return new ChartData("latency-percentiles.png", "Publish-to-apply latency percentiles over time",
            $"p50, p90 and p99 of publish-to-apply latency of the applies in each {Width(bins)} bin of simulated time (log scale, so a spike does not flatten the rest).",
            TimeLabel, "publish-to-apply latency (ms, log scale)",
            [Series("p50", p50, SeriesStyle.Line), Series("p90", p90, SeriesStyle.Line), Series("p99", p99, SeriesStyle.Line)],
            "No data: no client applied an envelope with a known publish time.")
        {
            LogY = true,
        };
    }

    private static ChartData Throughput(RecordedHistory history, TimeBins bins)
    {
        var published = new long[bins.Count];
        var replicated = new long[bins.Count];
        var applied = new long[bins.Count];
        foreach (var p in history.Publishes)
        {
            published[bins.Of(p.TimeNs)]++;
        }

        foreach (var s in history.Stores)
        {
            if (s.Source == StoreSource.Replication)
            {
                replicated[bins.Of(s.TimeNs)]++;
            }
        }

        foreach (var a in history.Applies)
        {
            applied[bins.Of(a.TimeNs)]++;
        }

        var any = history.Publishes.Count + history.Applies.Count + history.Stores.Count > 0;
        return new ChartData("throughput.png", "Throughput over time",
            $"Envelopes per second in each {Width(bins)} bin: client publishes, replicated copies stored by nodes, and client applies.",
            TimeLabel, "envelopes per second",
            any
                ? [Rate("published", published, bins), Rate("replicated", replicated, bins), Rate("applied", applied, bins)]
                : [],
            "No data: nothing was published, replicated or applied.");
    }

    private static ChartData ReplicationLag(RecordedHistory history, TimeBins bins, Dictionary<EnvelopeId, long> originated)
    {
        var perNode = new SortedDictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var store in history.Stores)
        {
            if (store.Source != StoreSource.Replication || !originated.TryGetValue(store.Envelope, out var at))
            {
                continue;
            }

            var node = history.Actors[store.Node];
            if (!perNode.TryGetValue(node, out var max))
            {
                max = new double[bins.Count];
                Array.Fill(max, double.NaN);
                perNode.Add(node, max);
            }

            var b = bins.Of(store.TimeNs);
            var lag = Math.Max(0, store.TimeNs - at) * MsPerNs;
            if (double.IsNaN(max[b]) || lag > max[b])
            {
                max[b] = lag;
            }
        }

        var series = perNode.Select(kv => Series(kv.Key, Enumerable.Range(0, bins.Count).Where(b => !double.IsNaN(kv.Value[b]))
            .Select(b => (bins.Centre(b), kv.Value[b])).ToList(), SeriesStyle.Line)).ToList();
        return new ChartData("replication-lag.png", "Replication lag per node over time",
            $"Largest lag from origination to a replicated copy being stored, per storing node, in each {Width(bins)} bin (log scale; a lag of 0 ms has no place on it and is left out).",
            TimeLabel, "max replication lag (ms, log scale)", series, "No data: no envelope was replicated between nodes.")
        {
            LogY = true,
        };
    }

    private static ChartData FeeDistribution(RecordedHistory history)
    {
        var fees = new List<long>(history.Originations.Count);
        foreach (var o in history.Originations)
        {
            fees.Add(o.TotalFee);
        }

        var empty = new ChartData("fee-distribution.png", "Cost per message", "", "fee per envelope (picodollars)", "envelopes", [],
            "No data: no envelope was originated, so no fee was charged.");
        if (fees.Count == 0)
        {
            return empty;
        }

        fees.Sort();
        long min = fees[0], max = fees[^1];
        var binCount = (int)Math.Min(40, Math.Max(1, max - min + 1));
        var width = Math.Max(1.0, (max - min + 1) / (double)binCount);
        var counts = new double[binCount];
        foreach (var fee in fees)
        {
            counts[Math.Min(binCount - 1, (int)((fee - min) / width))]++;
        }

        var xs = Enumerable.Range(0, binCount).Select(i => min + ((i + 0.5) * width) - 0.5).ToArray();
        return empty with
        {
            Caption = $"Histogram of the fee (base plus congestion) of each of {N(fees.Count)} originated envelopes, " +
                $"{binCount} bins of {width.ToString("0.##", CultureInfo.InvariantCulture)} picodollars.",
            Series = [new ChartSeries("envelopes", xs, counts, SeriesStyle.Bars)],
            BarWidth = width * 0.9,
        };
    }

    private static ChartData FeesOverTime(RecordedHistory history, TimeBins bins)
    {
        var baseFees = new long[bins.Count];
        var congestion = new long[bins.Count];
        foreach (var o in history.Originations)
        {
            var b = bins.Of(o.TimeNs);
            baseFees[b] += o.BaseFee;
            congestion[b] += o.CongestionFee;
        }

        return new ChartData("fees-over-time.png", "Fees over time",
            $"Fees charged per second of simulated time in each {Width(bins)} bin, base and congestion parts.",
            TimeLabel, "fees (picodollars per second)",
            history.Originations.Count == 0 ? [] : [Rate("base fees", baseFees, bins), Rate("congestion fees", congestion, bins)],
            "No data: no envelope was originated, so no fee was charged.");
    }

    private static ChartData Categories(string file, string title, string caption, string xLabel, IReadOnlyList<KeyValuePair<string, long>> values, string empty)
    {
        var xs = Enumerable.Range(0, values.Count).Select(i => (double)i).ToArray();
        var ys = values.Select(kv => (double)kv.Value).ToArray();
        return new ChartData(file, title, caption, xLabel, "fees (picodollars)",
            values.Count == 0 ? [] : [new ChartSeries("fees", xs, ys, SeriesStyle.Bars)], empty)
        {
            Categories = [.. values.Select(kv => kv.Key)],
        };
    }

    private static ChartData Congestion(RecordedHistory history, TimeBins bins, Scenario? scenario)
    {
        // Per bin (a minute or more, as congestion is counted per minute): the busiest originator's originations and the
        // congestion units charged, both per minute.
        var perNode = new Dictionary<(int Node, int Bin), long>();
        var units = new long[bins.Count];
        foreach (var o in history.Originations)
        {
            var b = bins.Of(o.TimeNs);
            perNode[(o.Node, b)] = perNode.GetValueOrDefault((o.Node, b)) + 1;
            units[b] += o.CongestionUnits;
        }

        var busiest = new long[bins.Count];
        foreach (var ((_, b), count) in perNode)
        {
            busiest[b] = Math.Max(busiest[b], count);
        }

        var perMinute = 60.0 / bins.WidthSeconds;
        var xs = Enumerable.Range(0, bins.Count).Select(bins.Centre).ToArray();
        var chart = new ChartData("congestion.png", "Congestion against the target rate",
            $"Envelopes per minute of the busiest originator and congestion units charged per minute, in each {Width(bins)} bin" +
            (scenario is null ? "." : $"; the line is the target rate of {N(scenario.Fees.TargetRatePerMinute)} envelopes per minute per originator."),
            TimeLabel, "envelopes per minute (busiest originator)",
            history.Originations.Count == 0
                ? []
                :
                [
                    new ChartSeries("originated per minute, busiest node", xs, [.. busiest.Select(c => c * perMinute)], SeriesStyle.Line),
                    new ChartSeries("congestion units per minute (right axis)", xs, [.. units.Select(u => u * perMinute)], SeriesStyle.Line, RightAxis: true),
                ],
            "No data: no envelope was originated.")
        {
            Y2Label = "congestion units per minute",
        };
        return scenario is null ? chart : chart with { Lines = [new ReferenceLine("target rate", scenario.Fees.TargetRatePerMinute)] };
    }

    private static ChartData BlockFill(RecordedHistory history, TimeBins bins)
    {
        var used = new double[bins.Count];
        var limit = new double[bins.Count];
        var blocks = new int[bins.Count];
        foreach (var block in history.ChainBlocks)
        {
            var b = bins.Of(block.TimeNs);
            used[b] += block.GasUsed;
            limit[b] = Math.Max(limit[b], block.GasLimit);
            blocks[b]++;
        }

        var present = Enumerable.Range(0, bins.Count).Where(b => blocks[b] > 0).ToList();
        return new ChartData("chain-block-fill.png", "App chain block fill",
            $"Mean gas used per block in each {Width(bins)} bin against the block gas limit, over {N(history.ChainBlocks.Count)} blocks.",
            TimeLabel, "gas per block",
            present.Count == 0
                ? []
                :
                [
                    new ChartSeries("gas used (mean per block)", [.. present.Select(bins.Centre)], [.. present.Select(b => used[b] / blocks[b])], SeriesStyle.Line),
                    new ChartSeries("gas limit", [.. present.Select(bins.Centre)], [.. present.Select(b => limit[b])], SeriesStyle.Line),
                ],
            "No data: the app chain sealed no block.");
    }

    private static ChartData CommitToIndexed(RecordedHistory history, TimeBins bins)
    {
        var firstIndexed = new Dictionary<EnvelopeId, (long First, long Last)>();
        foreach (var store in history.Stores)
        {
            if (store.Source == StoreSource.Index)
            {
                firstIndexed[store.Envelope] = firstIndexed.TryGetValue(store.Envelope, out var seen)
                    ? (Math.Min(seen.First, store.TimeNs), Math.Max(seen.Last, store.TimeNs))
                    : (store.TimeNs, store.TimeNs);
            }
        }

        var first = new List<long>?[bins.Count];
        var last = new double[bins.Count];
        var count = 0;
        foreach (var tx in history.ChainTransactions)
        {
            if (!firstIndexed.TryGetValue(tx.Envelope, out var indexed))
            {
                continue;
            }

            var b = bins.Of(tx.SubmittedNs);
            (first[b] ??= []).Add(Math.Max(0, indexed.First - tx.SubmittedNs));
            last[b] = Math.Max(last[b], Math.Max(0, indexed.Last - tx.SubmittedNs) * MsPerNs);
            count++;
        }

        var present = Enumerable.Range(0, bins.Count).Where(b => first[b] is { Count: > 0 }).ToList();
        foreach (var b in present)
        {
            first[b]!.Sort();
        }

        return new ChartData("chain-commit-latency.png", "Commit to indexed latency",
            $"From submitting a chain transaction to a node indexing it, for {N(count)} transactions grouped by submission time " +
            $"in {Width(bins)} bins: median to the first node, and the slowest node.",
            TimeLabel, "commit-to-indexed latency (ms)",
            present.Count == 0
                ? []
                :
                [
                    new ChartSeries("first node, median", [.. present.Select(bins.Centre)], [.. present.Select(b => Percentiles.NearestRank(first[b]!, 50) * MsPerNs)], SeriesStyle.Line),
                    new ChartSeries("last node, max", [.. present.Select(bins.Centre)], [.. present.Select(b => last[b])], SeriesStyle.Line),
                ],
            "No data: no chain transaction was indexed by a node.");
    }

    private static ChartSeries Series(string label, List<(double X, double Y)> points, SeriesStyle style) =>
        new(label, [.. points.Select(p => p.X)], [.. points.Select(p => p.Y)], style);

    private static ChartSeries Rate(string label, long[] perBin, TimeBins bins) =>
        new(label, [.. Enumerable.Range(0, perBin.Length).Select(bins.Centre)], [.. perBin.Select(c => c / bins.WidthSeconds)], SeriesStyle.Line);

    private static string Width(TimeBins bins) => bins.WidthSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
