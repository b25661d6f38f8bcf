using XmtpSim.Checks.Evaluation;
using XmtpSim.Engine.Journal;
using XmtpSim.Protocol.Cursors;
using XmtpSim.Protocol.Storage;

namespace XmtpSim.Checks.Recording;

/// <summary>
/// What the checks and reports need of one run's journal, kept compactly: struct records in chunked lists,
/// strings interned, engine wire traffic only counted (per message type and per simulated minute). Every list
/// is in journal order. Filled by <see cref="JournalRecorder"/>; read-only to everyone else.
/// </summary>
public sealed class RecordedHistory
{
    /// <summary>Length of one bucket of the per-minute series, nanoseconds.</summary>
    public const long MinuteNs = 60_000_000_000;

    private readonly SortedDictionary<string, long> _eventsByKind = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, MessageCounters> _messages = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _nodeRejects = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _sequenceAnomalies = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _chainRejects = new(StringComparer.Ordinal);
    private readonly List<long> _sentPerMinute = [];
    private readonly List<long> _deliveredPerMinute = [];
    private readonly List<long> _droppedPerMinute = [];

    /// <summary>An empty history.</summary>
    public RecordedHistory() => (Applies, CausalOrder) = (new ApplyTable(DependencyPool), new CausalOrderTracker(DependencyPool));
    private readonly List<FaultRecord> _faults = [];
    private readonly List<MisbehaviorReportRecord> _reports = [];
    private readonly SortedSet<uint> _nodeIds = [];
    private HistoryAnalysis? _analysis;

    /// <summary>Events seen, of every kind.</summary>
    public long EventCount { get; internal set; }

    /// <summary>Time of the latest event, nanoseconds (0 for an empty journal).</summary>
    public long EndNs { get; internal set; }

    /// <summary>Events per journal kind.</summary>
    public IReadOnlyDictionary<string, long> EventsByKind => _eventsByKind;

    /// <summary>Actor names (clients, nodes, gateways).</summary>
    public StringTable Actors { get; } = new();

    /// <summary>Topics in human-readable form.</summary>
    public StringTable Topics { get; } = new();

    /// <summary>Small vocabularies: publish kinds, failure reasons.</summary>
    public StringTable Labels { get; } = new();

    /// <summary>Payers.</summary>
    public StringTable Payers { get; } = new();

    /// <summary>Chain transaction hashes and the digests nodes stored for chain envelopes.</summary>
    public StringTable Digests { get; } = new();

    /// <summary>Every node id seen in the journal (or announced to the recorder), ascending.</summary>
    public IReadOnlyCollection<uint> NodeIds => _nodeIds;

    /// <summary>
    /// The tables that grow with every envelope or delivery (client publishes and acks, originations, node stores,
    /// client applies) move their full chunks to <paramref name="spill"/> as the run goes on; they come back when
    /// read. Nothing reads them before the checks.
    /// </summary>
    public void SpillLargeTablesTo(ScratchFile spill)
    {
        Publishes.SpillTo(spill);
        Acks.SpillTo(spill);
        Originations.SpillTo(spill);
        Applies.SpillTo(spill);
        Stores.SpillTo(spill);
    }

    /// <summary>Client publishes.</summary>
    public ChunkedList<PublishRecord> Publishes { get; } = new();

    /// <summary>Acknowledgements.</summary>
    public ChunkedList<AckRecord> Acks { get; } = new();

    /// <summary>Publishes that failed for good.</summary>
    public ChunkedList<PublishFailedRecord> PublishFailures { get; } = new();

    /// <summary>Group joins.</summary>
    public ChunkedList<JoinRecord> Joins { get; } = new();

    /// <summary>Client applies.</summary>
    public ApplyTable Applies { get; }

    /// <summary>causal_order, evaluated as the joins and applies are recorded.</summary>
    internal CausalOrderTracker CausalOrder { get; }

    /// <summary>The depends_on entries of <see cref="Applies"/>, back to back.</summary>
    public ChunkedList<EnvelopeId> DependencyPool { get; } = new();

    /// <summary>Originations.</summary>
    public ChunkedList<OriginateRecord> Originations { get; } = new();

    /// <summary>Replicated and indexed stores.</summary>
    public ChunkedList<StoreRecord> Stores { get; } = new();

    /// <summary>Chain transactions.</summary>
    public ChunkedList<ChainTxRecord> ChainTransactions { get; } = new();

    /// <summary>Chain blocks.</summary>
    public ChunkedList<ChainBlockRecord> ChainBlocks { get; } = new();

    /// <summary>Faults, in journal order.</summary>
    public IReadOnlyList<FaultRecord> Faults => _faults;

    /// <summary>Misbehavior reports, in journal order.</summary>
    public IReadOnlyList<MisbehaviorReportRecord> MisbehaviorReports => _reports;

    /// <summary>Wire traffic per message type.</summary>
    public IReadOnlyDictionary<string, MessageCounters> Messages => _messages;

    /// <summary>Messages sent per simulated minute (index = minute).</summary>
    public IReadOnlyList<long> SentPerMinute => _sentPerMinute;

    /// <summary>Messages delivered per simulated minute.</summary>
    public IReadOnlyList<long> DeliveredPerMinute => _deliveredPerMinute;

    /// <summary>Messages dropped per simulated minute.</summary>
    public IReadOnlyList<long> DroppedPerMinute => _droppedPerMinute;

    /// <summary>Node rejections per code.</summary>
    public IReadOnlyDictionary<string, long> NodeRejects => _nodeRejects;

    /// <summary>Replication sequence anomalies per kind (gap, out_of_order).</summary>
    public IReadOnlyDictionary<string, long> SequenceAnomalies => _sequenceAnomalies;

    /// <summary>App chain rejections per reason.</summary>
    public IReadOnlyDictionary<string, long> ChainRejects => _chainRejects;

    /// <summary>Gateway retries (a node banned for one request).</summary>
    public long GatewayRetries { get; internal set; }

    /// <summary>Stores whose recomputed fee differed from the originator's.</summary>
    public long FeeMismatches { get; internal set; }

    /// <summary>Builds a history from events in journal order (tests, or replaying a journal).</summary>
    /// <param name="events">The journal.</param>
    /// <param name="nodeIds">Node ids of the network, so a node that never wrote an event still counts.</param>
    public static RecordedHistory FromEvents(IEnumerable<JournalEvent> events, IEnumerable<uint>? nodeIds = null)
    {
        var recorder = new JournalRecorder(nodeIds);
        foreach (var journalEvent in events)
        {
            recorder.Observe(journalEvent);
        }

        return recorder.History;
    }

    /// <summary>Derived indexes shared by the checks and the results (built once, on first use, after recording ends).</summary>
    internal HistoryAnalysis Analysis => _analysis ??= new HistoryAnalysis(this);

    /// <summary>
    /// Publish-to-apply latencies of the applies with a known publish time, nanoseconds, ascending: sorted once,
    /// with the indexes the checks and the results share, for every reader (tens of millions on a long run).
    /// </summary>
    public IReadOnlyList<long> SortedLatencies => Analysis.SortedLatencies;

    internal void AddNode(uint nodeId) => _nodeIds.Add(nodeId);

    internal void CountKind(string kind) => _eventsByKind[kind] = _eventsByKind.GetValueOrDefault(kind) + 1;

    internal MessageCounters MessageType(string name)
    {
        if (!_messages.TryGetValue(name, out var counters))
        {
            counters = new MessageCounters();
            _messages.Add(name, counters);
        }

        return counters;
    }

    internal void CountSent(long timeNs) => Bump(_sentPerMinute, timeNs);

    internal void CountDelivered(long timeNs) => Bump(_deliveredPerMinute, timeNs);

    internal void CountDropped(long timeNs) => Bump(_droppedPerMinute, timeNs);

    internal void AddFault(FaultRecord fault) => _faults.Add(fault);

    internal void AddReport(MisbehaviorReportRecord report) => _reports.Add(report);

    internal void CountReject(string code) => _nodeRejects[code] = _nodeRejects.GetValueOrDefault(code) + 1;

    internal void CountAnomaly(string kind) => _sequenceAnomalies[kind] = _sequenceAnomalies.GetValueOrDefault(kind) + 1;

    internal void CountChainReject(string reason) => _chainRejects[reason] = _chainRejects.GetValueOrDefault(reason) + 1;

    internal void Touch() => _analysis = null;

    private static void Bump(List<long> series, long timeNs)
    {
        var minute = (int)(Math.Max(0, timeNs) / MinuteNs);
        while (series.Count <= minute)
        {
            series.Add(0);
        }

        series[minute]++;
    }
}
