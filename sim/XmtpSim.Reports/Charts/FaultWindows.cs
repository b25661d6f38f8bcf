using System.Globalization;
using XmtpSim.Checks.Recording;

namespace XmtpSim.Reports.Charts;

/// <summary>
/// Pairs journaled fault events into windows: partition/block → the next heal (or the partition that replaces it),
/// crash → restart of the same actor, latency +n → latency −n on the same actors; reset and Byzantine acts are instants.
/// A fault still open at the end of the run lasts to the run's end.
/// </summary>
public static class FaultWindows
{
    /// <summary>The windows of <paramref name="faults"/>, ordered by start then kind.</summary>
    public static IReadOnlyList<FaultWindow> From(IReadOnlyList<FaultRecord> faults, long endNs)
    {
        ArgumentNullException.ThrowIfNull(faults);
        var end = Seconds(Math.Max(endNs, faults.Count == 0 ? 0 : faults.Max(f => f.TimeNs)));
        var windows = new List<FaultWindow>();
        FaultRecord? partition = null;
        var blocks = new List<FaultRecord>();
        var crashes = new Dictionary<string, FaultRecord>(StringComparer.Ordinal);
        var latencies = new Dictionary<string, List<FaultRecord>>(StringComparer.Ordinal);

        void Close(FaultRecord start, long atNs, string label, bool ended) =>
            windows.Add(new FaultWindow(start.Fault, Seconds(start.TimeNs), Seconds(atNs), label, start.Detail, ended));

        foreach (var fault in faults)
        {
            switch (fault.Fault)
            {
                case "partition":
                    if (partition is not null)
                    {
                        Close(partition, fault.TimeNs, "partition", ended: true);
                    }

                    partition = fault;
                    break;
                case "block":
                    blocks.Add(fault);
                    break;
                case "heal":
                    if (partition is not null)
                    {
                        Close(partition, fault.TimeNs, "partition", ended: true);
                        partition = null;
                    }

                    foreach (var block in blocks)
                    {
                        Close(block, fault.TimeNs, "block " + block.Detail, ended: true);
                    }

                    blocks.Clear();
                    break;
                case "crash":
                    crashes.TryAdd(fault.Detail, fault);
                    break;
                case "restart":
                    if (crashes.Remove(fault.Detail, out var crash))
                    {
                        Close(crash, fault.TimeNs, "crash " + crash.Detail, ended: true);
                    }

                    break;
                case "latency":
                    var (actors, nanos) = ParseLatency(fault.Detail);
                    if (nanos >= 0)
                    {
                        if (!latencies.TryGetValue(actors, out var open))
                        {
                            open = [];
                            latencies.Add(actors, open);
                        }

                        open.Add(fault);
                    }
                    else if (latencies.TryGetValue(actors, out var open) && open.Count > 0)
                    {
                        var start = open[0];
                        open.RemoveAt(0);
                        Close(start, fault.TimeNs, LatencyLabel(start.Detail), ended: true);
                    }

                    break;
                default:
                    windows.Add(new FaultWindow(fault.Fault, Seconds(fault.TimeNs), Seconds(fault.TimeNs), fault.Fault, fault.Detail, Ended: true));
                    break;
            }
        }

        var endRecord = (long)(end * 1e9);
        if (partition is not null)
        {
            Close(partition, endRecord, "partition", ended: false);
        }

        foreach (var block in blocks)
        {
            Close(block, endRecord, "block " + block.Detail, ended: false);
        }

        foreach (var crash in crashes.Values.OrderBy(c => c.TimeNs))
        {
            Close(crash, endRecord, "crash " + crash.Detail, ended: false);
        }

        foreach (var start in latencies.Values.SelectMany(l => l).OrderBy(l => l.TimeNs))
        {
            Close(start, endRecord, LatencyLabel(start.Detail), ended: false);
        }

        return [.. windows.OrderBy(w => w.StartSeconds).ThenBy(w => w.Kind, StringComparer.Ordinal).ThenBy(w => w.Detail, StringComparer.Ordinal)];
    }

    private static double Seconds(long ns) => ns / 1e9;

    /// <summary>"node-100,node-200 150000000ns" → ("node-100,node-200", 150000000).</summary>
    private static (string Actors, long Nanos) ParseLatency(string detail)
    {
        var space = detail.LastIndexOf(' ');
        if (space < 0 || !detail.EndsWith("ns", StringComparison.Ordinal) ||
            !long.TryParse(detail.AsSpan(space + 1, detail.Length - space - 3), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var nanos))
        {
            return (detail, 0);
        }

        return (detail[..space], nanos);
    }

    private static string LatencyLabel(string detail)
    {
        var (_, nanos) = ParseLatency(detail);
        return "latency +" + (nanos / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + " ms";
    }
}
