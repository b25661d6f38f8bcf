using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace XmtpSim.Engine.Journal;

/// <summary>
/// Serialises events to canonical lines, hashes every line with SHA-256 (<c>journal_sha256</c>), optionally
/// writes them to a file (plain or gzip), and hands each event to observers (the checks' recorder).
/// Called only from the engine's merge step, so it is single-threaded. The merge only copies entries into a
/// batch; full batches are formatted, hashed (and written) by one background thread in the order they were
/// filled, so that work overlaps the simulation on a second core. The bytes and their order are exactly
/// those of a serial writer.
/// </summary>
public sealed class JournalWriter : IDisposable
{
    // Entries per hand-off: one queue operation, one formatting pass and one SHA-256 update per ~1 MiB of lines.
    private const int BatchEntries = 8192;

    /// <summary>The "t" property name, pre-encoded.</summary>
    internal static readonly JsonEncodedText TimeProperty = JsonEncodedText.Encode("t");

    /// <summary>The "k" property name, pre-encoded.</summary>
    internal static readonly JsonEncodedText KindProperty = JsonEncodedText.Encode("k");

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly ChunkPipeline<Batch> _pipeline;

    // Owned by whichever thread consumes batches: the pipeline's, or the caller's in Finish when no batch was
    // ever handed (a short journal).
    private readonly ArrayBufferWriter<byte> _lines = new(BatchEntries * 160);
    private readonly JournalFormatter _formatter;
    private readonly Stream? _file;
    private readonly Observers _inline = new(); // called in the merge
    private readonly Observers _background = new(); // called on the journal's thread
    private Batch _batch = new();
    private string? _finalHash;

    /// <summary>A journal that only hashes.</summary>
    public JournalWriter()
        : this(null, JournalMode.HashOnly)
    {
    }

    /// <summary>A journal writing to <paramref name="path"/> in <paramref name="mode"/> (no file for <see cref="JournalMode.HashOnly"/>).</summary>
    public JournalWriter(string? path, JournalMode mode)
    {
        _formatter = new JournalFormatter(_lines);
        if (path is not null && mode != JournalMode.HashOnly)
        {
            Stream stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
            _file = mode == JournalMode.Compressed ? new GZipStream(stream, CompressionLevel.Fastest) : stream;
        }

        _pipeline = new ChunkPipeline<Batch>(Consume, static batch => batch.Clear(), static () => new Batch());
    }

    /// <summary>Events written so far.</summary>
    public long Count { get; private set; }

    /// <summary>Registers an observer that sees every event in journal order.</summary>
    public void Subscribe(Action<JournalEvent> observer) => _inline.Events.Add(observer);

    /// <summary>
    /// Registers an observer of network lines (send, deliver, drop) formatted by the engine without event
    /// objects. Observers that subscribe only with <see cref="Subscribe"/> still see every other event.
    /// </summary>
    public void SubscribeNetwork(Action<NetworkEntry> observer) => _inline.Network.Add(observer);

    /// <summary>
    /// Registers an observer of every event in journal order within each actor's instant, network lines
    /// included as event objects (convenient for tests; allocates per network line).
    /// </summary>
    public void SubscribeAll(Action<JournalEvent> observer)
    {
        Subscribe(observer);
        SubscribeNetwork(entry => observer(entry.ToEvent()));
    }

    /// <summary>
    /// Registers an observer that runs on the journal's own thread, after the lines it sees are formatted: it
    /// sees the same events and network lines, in the same order, as one registered with <see cref="Subscribe"/>
    /// and <see cref="SubscribeNetwork"/>, but later, so its work overlaps the simulation on a second core.
    /// Read what it collects only after <see cref="Finish"/>. A failure in it fails the journal.
    /// </summary>
    public void SubscribeInBackground(Action<JournalEvent> onEvent, Action<NetworkEntry> onNetwork)
    {
        if (_pipeline.Started)
        {
            throw new InvalidOperationException("background observers must subscribe before the first line is handed off");
        }

        _background.Events.Add(onEvent);
        _background.Network.Add(onNetwork);
    }

    /// <summary>Appends the lines an actor slot recorded (see <see cref="JournalLines"/>), in order.</summary>
    internal void AppendLines(JournalLines lines)
    {
        ThrowIfClosed();
        var entries = lines.Entries;
        if (entries.IsEmpty)
        {
            return;
        }

        AddGroup(entries, lines.HasEvents);
        Count += entries.Length;
        _inline.Notify(entries, lines.HasEvents);
    }

    /// <summary>Appends one event.</summary>
    public void Append(JournalEvent journalEvent)
    {
        ThrowIfClosed();
        ReadOnlySpan<JournalEntry> line = [JournalEntry.Of(journalEvent)];
        AddGroup(line, hasEvents: true);
        Count++;
        _inline.Notify(line, hasEvents: true);
    }

    /// <summary>The lower-case hex SHA-256 of every line so far; closes the journal.</summary>
    public string Finish()
    {
        if (_finalHash is null)
        {
            if (_pipeline.Started)
            {
                _batch = _pipeline.Hand(_batch);
                _pipeline.Drain();
            }
            else
            {
                Consume(_batch); // never handed a batch: no consumer thread to start for a short journal
                _batch.Clear();
            }

            _finalHash = Convert.ToHexStringLower(_hash.GetHashAndReset());
            _file?.Flush();
        }

        return _finalHash;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_finalHash is null && _batch.Count > 0 && !_pipeline.Failed)
        {
            _batch = _pipeline.Hand(_batch); // lines not yet written still belong in the file
        }

        _pipeline.Dispose();
        _file?.Dispose();
        _formatter.Dispose();
        _hash.Dispose();
    }

    private void ThrowIfClosed()
    {
        if (_finalHash is not null)
        {
            throw new InvalidOperationException("the journal is already closed");
        }
    }

    // One merge's lines stay in one batch, so background observers see them grouped as synchronous ones do.
    private void AddGroup(ReadOnlySpan<JournalEntry> entries, bool hasEvents)
    {
        if (_batch.Count > 0 && _batch.Count + entries.Length > BatchEntries)
        {
            _batch = _pipeline.Hand(_batch);
        }

        _batch.AddGroup(entries, hasEvents);
        if (_batch.Count >= BatchEntries)
        {
            _batch = _pipeline.Hand(_batch);
        }
    }

    // Runs on the pipeline's thread, one batch at a time, in order.
    private void Consume(Batch batch)
    {
        foreach (ref readonly var entry in batch.Entries)
        {
            _formatter.Write(entry);
        }

        _hash.AppendData(_lines.WrittenSpan);
        _file?.Write(_lines.WrittenSpan);
        _lines.ResetWrittenCount();
        var start = 0;
        foreach (var (end, hasEvents) in batch.Groups)
        {
            _background.Notify(batch.Entries[start..end], hasEvents);
            start = end;
        }
    }

    /// <summary>Observers of events and of network lines, called in the same order wherever they run.</summary>
    private sealed class Observers
    {
        public List<Action<JournalEvent>> Events { get; } = [];

        public List<Action<NetworkEntry>> Network { get; } = [];

        /// <summary>One merge's lines: its events first, then its network lines, each in order.</summary>
        public void Notify(ReadOnlySpan<JournalEntry> merge, bool hasEvents)
        {
            if (hasEvents && Events.Count > 0)
            {
                foreach (ref readonly var entry in merge)
                {
                    if (entry.Event is { } journalEvent)
                    {
                        foreach (var observer in Events)
                        {
                            observer(journalEvent);
                        }
                    }
                }
            }

            if (Network.Count > 0)
            {
                foreach (ref readonly var entry in merge)
                {
                    if (entry.IsNetwork)
                    {
                        var network = entry.ToNetworkEntry();
                        foreach (var observer in Network)
                        {
                            observer(network);
                        }
                    }
                }
            }
        }
    }

    /// <summary>Entries waiting to be formatted, in journal order, with where each merge's lines end.</summary>
    private sealed class Batch
    {
        private JournalEntry[] _items = new JournalEntry[BatchEntries];

        public int Count { get; private set; }

        public ReadOnlySpan<JournalEntry> Entries => _items.AsSpan(0, Count);

        /// <summary>The end (exclusive) of each merge's lines, and whether they hold an event.</summary>
        public List<(int End, bool HasEvents)> Groups { get; } = [];

        public void AddGroup(ReadOnlySpan<JournalEntry> entries, bool hasEvents)
        {
            if (Count + entries.Length > _items.Length)
            {
                Array.Resize(ref _items, Count + entries.Length); // one actor's instant larger than a batch
            }

            entries.CopyTo(_items.AsSpan(Count));
            Count += entries.Length;
            Groups.Add((Count, hasEvents));
        }

        /// <summary>Empties the batch and lets go of the events it referred to.</summary>
        public void Clear()
        {
            Array.Clear(_items, 0, Count);
            Count = 0;
            Groups.Clear();
        }
    }
}
