using System.Collections;
using XmtpSim.Protocol.Cursors;
using XmtpSim.Protocol.Storage;

namespace XmtpSim.Checks.Recording;

/// <summary>
/// Client applies, read back as <see cref="ApplyRecord"/>s but stored in two parts: what differs per apply
/// (time, client, read node, dropped dependency) in a 24-byte row, and what every apply of one envelope shares
/// (topic, publish time, sender, fee, depends_on) once per envelope. An envelope reaches every member of its
/// group, so a day's tens of millions of applies take about a third of the memory of whole records.
/// Applies of one envelope that disagree on a shared field get their own shared part: nothing is merged away.
/// <para>
/// Only the shared parts of recently recorded envelopes are looked up again (members apply an envelope within
/// seconds to minutes of each other): the table remembers the last 262,144 to 524,288 envelopes, so an apply
/// that comes later than that gets a shared part of its own, with the same values. That bounds the lookup's
/// memory, and lets all but the recent chunks of the shared parts spill.
/// </para>
/// </summary>
public sealed class ApplyTable : IReadOnlyList<ApplyRecord>
{
    private readonly ChunkedList<Row> _rows = new();
    private readonly ChunkedList<Shared> _shared = new();
    private const int EnvelopesPerGeneration = 1 << 18;

    // Two generations of the same chunk size: the shared parts they point at are in the last
    // 2 × EnvelopesPerGeneration / 65,536 + 1 chunks, which stay in memory when the table spills.
    private const int RecentChunks = (2 * EnvelopesPerGeneration >> 16) + 1;

    private readonly ChunkedList<EnvelopeId> _pool;
    private Dictionary<EnvelopeId, int> _recent = [];
    private Dictionary<EnvelopeId, int> _older = [];
    private readonly Reader _reader;

    /// <summary>A table whose depends_on entries go to <paramref name="pool"/>.</summary>
    public ApplyTable(ChunkedList<EnvelopeId> pool)
    {
        _pool = pool;
        _reader = new Reader(this); // the rows and shared parts are only ever appended: no cached chunk goes stale
    }

    /// <inheritdoc />
    public int Count => _rows.Count;

    /// <summary>Parts shared by the applies of one envelope (see <see cref="Reader.Read"/>).</summary>
    internal int SharedCount => _shared.Count;

    /// <summary>Applies made after giving up on a dependency, counted as they are recorded.</summary>
    public long DependencyDroppedCount { get; private set; }

    /// <summary>
    /// Full chunks of per-apply rows, and of shared parts and depends_on entries no longer looked up, go to
    /// <paramref name="spill"/> (see <see cref="ChunkedList{T}.SpillTo"/>).
    /// </summary>
    public void SpillTo(ScratchFile spill)
    {
        _rows.SpillTo(spill);
        _shared.SpillTo(spill, RecentChunks);
        _pool.SpillTo(spill, RecentChunks);
    }

    /// <inheritdoc />
    public ApplyRecord this[int index] => _reader[index];

    /// <summary>
    /// A reader of the applies with its own caches of spilled chunks (<see cref="ChunkedList{T}.OpenReader"/>), for a
    /// thread other than the one using the table's indexer, once nothing is recorded any more.
    /// </summary>
    public Reader OpenReader() => new(this);

    /// <summary>
    /// Records one apply; its depends_on is <paramref name="dependsOn"/>, the event's text (the record's own depends_on
    /// fields are not read).
    /// </summary>
    /// <returns>The apply as recorded: its depends_on fields name its entries in the pool.</returns>
    /// <exception cref="FormatException">The depends_on text is not a canonical clock.</exception>
    public ApplyRecord Add(in ApplyRecord apply, string dependsOn)
    {
        var start = _pool.Count;
        var count = DependsOnText.AppendTo(dependsOn, _pool);
        var envelope = apply.Envelope;
        var candidate = new Shared(apply.Topic, envelope, apply.PublishedNs, apply.Sender, apply.FeePicodollars, start, count);
        if ((_recent.TryGetValue(envelope, out var known) || _older.TryGetValue(envelope, out known)) && SameAs(_shared[known], candidate))
        {
            _pool.Truncate(start);
            start = _shared[known].DependsOnStart;
        }
        else
        {
            known = _shared.Count;
            _shared.Add(candidate);
            _recent[envelope] = known;
            if (_recent.Count == EnvelopesPerGeneration)
            {
                (_older, _recent) = (_recent, []);
            }
        }

        _rows.Add(new Row(apply.TimeNs, apply.Client, apply.ReadNode, known, apply.DependencyDropped));
        DependencyDroppedCount += apply.DependencyDropped ? 1 : 0;
        return apply with { DependsOnStart = start, DependsOnCount = count };
    }

    /// <summary>Enumerates the applies through a reader of its own, as <see cref="ChunkedList{T}.GetEnumerator"/> does.</summary>
    public IEnumerator<ApplyRecord> GetEnumerator() => OpenReader().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private bool SameAs(Shared known, Shared candidate)
    {
        if (known with { DependsOnStart = candidate.DependsOnStart } != candidate)
        {
            return false;
        }

        for (var i = 0; i < known.DependsOnCount; i++)
        {
            if (_pool[known.DependsOnStart + i] != _pool[candidate.DependsOnStart + i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The applies as <see cref="OpenReader"/> reads them.</summary>
    public sealed class Reader : IReadOnlyList<ApplyRecord>
    {
        private readonly ChunkedList<Row>.Reader _rows;
        private readonly ChunkedList<Shared>.Reader _shared;

        internal Reader(ApplyTable table) => (_rows, _shared) = (table._rows.OpenReader(), table._shared.OpenReader());

        /// <inheritdoc />
        public int Count => _rows.Count;

        /// <inheritdoc />
        public ApplyRecord this[int index] => Read(index, out _);

        /// <summary>
        /// The apply at <paramref name="index"/>, and the number of the part it shares with other applies of its envelope
        /// (0 to <see cref="SharedCount"/> − 1; applies of one envelope that agree on every shared field share one).
        /// </summary>
        internal ApplyRecord Read(int index, out int sharedPart)
        {
            var row = _rows[index];
            sharedPart = row.Shared;
            var shared = _shared[row.Shared];
            return new ApplyRecord(
                row.TimeNs, row.Client, shared.Topic, shared.Envelope, shared.PublishedNs, shared.Sender, row.ReadNode,
                shared.FeePicodollars, row.DependencyDropped, shared.DependsOnStart, shared.DependsOnCount);
        }

        /// <inheritdoc />
        public IEnumerator<ApplyRecord> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private readonly record struct Row(long TimeNs, int Client, int ReadNode, int Shared, bool DependencyDropped);

    private readonly record struct Shared(
        int Topic, EnvelopeId Envelope, long PublishedNs, int Sender, long FeePicodollars, int DependsOnStart, int DependsOnCount);
}
