using XmtpSim.Actors.Journal;
using XmtpSim.Checks.Recording;
using XmtpSim.Engine.Journal;

namespace XmtpSim.Checks.Tests;

/// <summary>The shared synthetic journals (linked from the checks tests) plus the ones only the report tests need.</summary>
internal static partial class Histories
{
    /// <summary>The good journal with a partition (3 s to 5 s), a crash of node-300 (4 s to 6 s) and a latency spike on node-100 (5 s to 7 s).</summary>
    public static List<JournalEvent> WithFaults() => Good().With(
        new FaultEvent(3 * S, "partition", "node-100 | node-200,node-300"),
        new FaultEvent(4 * S, "crash", "node-300"),
        new FaultEvent(5 * S, "heal", "all"),
        new FaultEvent(5 * S, "latency", "node-100 150000000ns"),
        new FaultEvent(6 * S, "restart", "node-300"),
        new FaultEvent(7 * S, "latency", "node-100 -150000000ns"),
        new FaultEvent(7500 * Ms, "reset", "node-200"));

    /// <summary>
    /// A day of traffic: one publish per second from alternating clients, originated by alternating nodes, replicated to
    /// the other two and applied by both clients; a chain block every 2 s.
    /// </summary>
    public static List<JournalEvent> Large(int seconds = 86_400)
    {
        var events = new List<JournalEvent>(seconds * 7);
        for (var t = 0; t < seconds; t++)
        {
            var at = t * S;
            var node = Nodes[t % 2];
            var client = t % 2 == 0 ? "client-1" : "client-2";
            var sequence = (ulong)((t / 2) + 1);
            var latency = (40 + (t % 97)) * Ms;
            events.Add(new ClientPublishEvent(at, client, Topic, t + 1, "message", 200, "{}"));
            events.Add(new NodeOriginateEvent(at + (10 * Ms), "node-" + node, node, sequence, Topic, "gateway-1", 100, t % 7, t % 3, 300, "{}"));
            events.Add(new NodeStoreEvent(at + (20 * Ms), "node-" + Nodes[(t + 1) % 3], node, sequence, Topic, "replication", 100, false, "d"));
            events.Add(new NodeStoreEvent(at + (25 * Ms), "node-" + Nodes[(t + 2) % 3], node, sequence, Topic, "replication", 100, false, "d"));
            events.Add(new ClientApplyEvent(at + latency, "client-1", Topic, node, sequence, at, client, "{}", false, "node-" + node, 100));
            events.Add(new ClientApplyEvent(at + latency + (5 * Ms), "client-2", Topic, node, sequence, at, client, "{}", false, "node-" + node, 100));
            if (t % 2 == 1)
            {
                events.Add(new ChainBlockEvent(at + (900 * Ms), (t / 2) + 1, 0, 21_000 * (t % 5), 32_000_000, 0));
            }
        }

        return [.. events.OrderBy(e => e.TimeNs)];
    }
}
