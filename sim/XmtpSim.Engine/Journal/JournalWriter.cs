using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace XmtpSim.Engine.Journal;

/// <summary>
/// Serialises events to canonical lines, hashes every line with SHA-256 (<c>journal_sha256</c>), optionally
/// writes them to a file (plain or gzip), and hands each event to observers (the checks' recorder).
/// Called only from the engine's merge step, so it is single-threaded. Full chunks are hashed (and written)
/// by one background thread in the order they were filled, so SHA-256 of a long run overlaps the engine's
/// work on a second core; the bytes and their order are exactly those of a serial writer.
/// </summary>
public sealed class JournalWriter : IDisposable
{
    // Lines accumulate here and are hashed (and written) a chunk at a time on the pipeline's thread: one
    // hand-off and one SHA-256 update per ~1 MiB. SHA-256 and the file see exactly the same bytes in order.
    private const int ChunkBytes = 1024 * 1024;

    /// <summary>The "t" property name, pre-encoded.</summary>
    internal static readonly JsonEncodedText TimeProperty = JsonEncodedText.Encode("t");

    /// <summary>The "k" property name, pre-encoded.</summary>
    internal static readonly JsonEncodedText KindProperty = JsonEncodedText.Encode("k");

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly ChunkPipeline _pipeline;
    private ArrayBufferWriter<byte> _buffer = new(ChunkBytes + 4096);
    private readonly Utf8JsonWriter _json;
    private readonly Stream? _file;
    private readonly List<Action<JournalEvent>> _observers = [];
    private readonly List<Action<NetworkEntry>> _networkObservers = [];
    private string? _finalHash;

    /// <summary>A journal that only hashes.</summary>
    public JournalWriter()
        : this(null, JournalMode.HashOnly)
    {
    }

    /// <summary>A journal writing to <paramref name="path"/> in <paramref name="mode"/> (no file for <see cref="JournalMode.HashOnly"/>).</summary>
    public JournalWriter(string? path, JournalMode mode)
    {
        _json = new Utf8JsonWriter(_buffer);
        if (path is not null && mode != JournalMode.HashOnly)
        {
            Stream stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
            _file = mode == JournalMode.Compressed ? new GZipStream(stream, CompressionLevel.Fastest) : stream;
        }

        _pipeline = new ChunkPipeline(Consume);
    }

    /// <summary>True when someone observes network lines (so actor slots keep <see cref="NetworkEntry"/> values).</summary>
    internal bool ObservesNetwork => _networkObservers.Count > 0;

    /// <summary>Events written so far.</summary>
    public long Count { get; private set; }

    /// <summary>Registers an observer that sees every event in journal order.</summary>
    public void Subscribe(Action<JournalEvent> observer) => _observers.Add(observer);

    /// <summary>
    /// Registers an observer of network lines (send, deliver, drop) formatted by the engine without event
    /// objects. Observers that subscribe only with <see cref="Subscribe"/> still see every other event.
    /// </summary>
    public void SubscribeNetwork(Action<NetworkEntry> observer) => _networkObservers.Add(observer);

    /// <summary>
    /// Registers an observer of every event in journal order within each actor's instant, network lines
    /// included as event objects (convenient for tests; allocates per network line).
    /// </summary>
    public void SubscribeAll(Action<JournalEvent> observer)
    {
        Subscribe(observer);
        SubscribeNetwork(entry => observer(entry.ToEvent()));
    }

    /// <summary>Appends lines an actor slot formatted (see <see cref="JournalLines"/>), in order.</summary>
    internal void AppendLines(JournalLines lines)
    {
        if (_finalHash is not null)
        {
            throw new InvalidOperationException("the journal is already closed");
        }

        if (lines.Count == 0)
        {
            return;
        }

        _buffer.Write(lines.Bytes);
        if (_buffer.WrittenCount >= ChunkBytes)
        {
            FlushChunk();
        }

        Count += lines.Count;
        // Index loops: the lists are read through IReadOnlyList, whose enumerator would be boxed on every call.
        var events = lines.Events;
        for (var i = 0; i < events.Count; i++)
        {
            foreach (var observer in _observers)
            {
                observer(events[i]);
            }
        }

        var network = lines.Network;
        for (var i = 0; i < network.Count; i++)
        {
            foreach (var observer in _networkObservers)
            {
                observer(network[i]);
            }
        }
    }

    /// <summary>Appends one event.</summary>
    public void Append(JournalEvent journalEvent)
    {
        if (_finalHash is not null)
        {
            throw new InvalidOperationException("the journal is already closed");
        }

        _json.Reset(_buffer);
        _json.WriteStartObject();
        _json.WriteNumber(TimeProperty, journalEvent.TimeNs);
        _json.WriteString(KindProperty, journalEvent.Kind);
        journalEvent.WriteFields(_json);
        _json.WriteEndObject();
        _json.Flush();
        _buffer.Write("\n"u8);
        if (_buffer.WrittenCount >= ChunkBytes)
        {
            FlushChunk();
        }

        Count++;
        foreach (var observer in _observers)
        {
            observer(journalEvent);
        }
    }

    /// <summary>The lower-case hex SHA-256 of every line so far; closes the journal.</summary>
    public string Finish()
    {
        if (_finalHash is null)
        {
            FlushChunk();
            _pipeline.Drain();
            _finalHash = Convert.ToHexStringLower(_hash.GetHashAndReset());
            _file?.Flush();
        }

        return _finalHash;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_finalHash is null && _buffer.WrittenCount > 0)
        {
            _buffer = _pipeline.Hand(_buffer); // lines not yet hashed still belong in the file
        }

        _pipeline.Dispose();
        _file?.Dispose();
        _json.Dispose();
        _hash.Dispose();
    }

    private void FlushChunk()
    {
        if (_buffer.WrittenCount == 0)
        {
            return;
        }

        _buffer = _pipeline.Hand(_buffer);
        _json.Reset(_buffer);
    }

    // Runs on the pipeline's thread, one chunk at a time, in order.
    private void Consume(ReadOnlySpan<byte> chunk)
    {
        _hash.AppendData(chunk);
        _file?.Write(chunk);
    }
}
