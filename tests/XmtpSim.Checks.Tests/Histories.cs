using XmtpSim.Actors.Journal;
using XmtpSim.Checks.Recording;
using XmtpSim.Engine.Journal;

namespace XmtpSim.Checks.Tests;

/// <summary>
/// Synthetic journals. The good one: nodes 100, 200, 300; client-1 creates a group on topic <see cref="Topic"/>
/// with commit 0:1 through the chain; both clients join at commit 1; client-1 sends 100:1 (via node-100) and
/// client-2 sends 200:1 (via node-200, depending on 100:1); everything replicates and both clients apply both.
/// </summary>
internal static partial class Histories
{
    public const string Topic = "group_messages_v1/ab12";
    public const long S = 1_000_000_000;
    public const long Ms = 1_000_000;

    public static readonly uint[] Nodes = [100, 200, 300];

    public static List<JournalEvent> Good() => [.. Unsorted().OrderBy(e => e.TimeNs)];

    private static List<JournalEvent> Unsorted() =>
    [
        new SendEvent(0, "client-1", "gateway-1", "PublishRequest", 300, 10 * Ms),
        new DeliverEvent(10 * Ms, "client-1", "gateway-1", "PublishRequest"),
        new ClientPublishEvent(0, "client-1", Topic, 1, "commit", 300, "{}"),
        new ChainTxEvent(250 * Ms, 0, 1, Topic, 300, 50_000, 1, "tx01", 20 * Ms),
        new ChainBlockEvent(250 * Ms, 1, 1, 50_000, 32_000_000, 0),
        new ClientAckEvent(260 * Ms, "client-1", 1, 0, 1),
        new NodeStoreEvent(300 * Ms, "node-100", 0, 1, Topic, "index", 0, false, "tx01"),
        new NodeStoreEvent(310 * Ms, "node-200", 0, 1, Topic, "index", 0, false, "tx01"),
        new NodeStoreEvent(320 * Ms, "node-300", 0, 1, Topic, "index", 0, false, "tx01"),
        new ClientJoinEvent(400 * Ms, "client-1", Topic, 1),
        new ClientJoinEvent(450 * Ms, "client-2", Topic, 1),
        new ClientPublishEvent(1 * S, "client-1", Topic, 2, "message", 256, "{0:1}"),
        new NodeOriginateEvent(1 * S + 20 * Ms, "node-100", 100, 1, Topic, "gateway-1", 100, 10, 1, 400, "{0:1}"),
        new ClientAckEvent(1 * S + 30 * Ms, "client-1", 2, 100, 1),
        new NodeStoreEvent(1 * S + 140 * Ms, "node-200", 100, 1, Topic, "replication", 110, false, "d1"),
        new NodeStoreEvent(1 * S + 150 * Ms, "node-300", 100, 1, Topic, "replication", 110, false, "d1"),
        new ClientApplyEvent(1 * S + 200 * Ms, "client-1", Topic, 100, 1, 1 * S, "client-1", "{0:1}", false, "node-100", 110),
        new ClientApplyEvent(1 * S + 300 * Ms, "client-2", Topic, 100, 1, 1 * S, "client-1", "{0:1}", false, "node-200", 110),
        new ClientPublishEvent(2 * S, "client-2", Topic, 1, "message", 128, "{0:1, 100:1}"),
        new NodeOriginateEvent(2 * S + 20 * Ms, "node-200", 200, 1, Topic, "gateway-2", 100, 0, 0, 300, "{0:1, 100:1}"),
        new ClientAckEvent(2 * S + 30 * Ms, "client-2", 1, 200, 1),
        new NodeStoreEvent(2 * S + 140 * Ms, "node-100", 200, 1, Topic, "replication", 100, false, "d2"),
        new NodeStoreEvent(2 * S + 150 * Ms, "node-300", 200, 1, Topic, "replication", 100, false, "d2"),
        new ClientApplyEvent(2 * S + 100 * Ms, "client-2", Topic, 200, 1, 2 * S, "client-2", "{0:1, 100:1}", false, "node-200", 100),
        new ClientApplyEvent(2 * S + 250 * Ms, "client-1", Topic, 200, 1, 2 * S, "client-2", "{0:1, 100:1}", false, "node-100", 100),
        new DropEvent(2 * S + 300 * Ms, "node-100", "node-300", "ReplicationBatch", "partition"),
    ];

    public static RecordedHistory Record(IEnumerable<JournalEvent> events) => RecordedHistory.FromEvents(events, Nodes);

    /// <summary>The journal without the events matching <paramref name="remove"/>.</summary>
    public static List<JournalEvent> Without(this List<JournalEvent> events, Func<JournalEvent, bool> remove) => [.. events.Where(e => !remove(e))];

    /// <summary>The journal with <paramref name="replace"/> applied to every event.</summary>
    public static List<JournalEvent> Map(this List<JournalEvent> events, Func<JournalEvent, JournalEvent> replace) => [.. events.Select(replace)];

    /// <summary>The journal with extra events, re-sorted by time (stable).</summary>
    public static List<JournalEvent> With(this List<JournalEvent> events, params JournalEvent[] extra) =>
        [.. events.Concat(extra).OrderBy(e => e.TimeNs)];
}
