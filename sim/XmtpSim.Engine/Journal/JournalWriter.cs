using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace XmtpSim.Engine.Journal;

/// <summary>
/// Serialises events to canonical lines, hashes every line with SHA-256 (<c>journal_sha256</c>), optionally
/// writes them to a file (plain or gzip), and hands each event to observers (the checks' recorder).
/// Called only from the engine's merge step, so it is single-threaded.
/// </summary>
public sealed class JournalWriter : IDisposable
{
    private const int ChunkBytes = 1 << 16;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly ArrayBufferWriter<byte> _buffer = new(ChunkBytes + 4096);
    private readonly Utf8JsonWriter _json;
    private readonly Stream? _file;
    private readonly List<Action<JournalEvent>> _observers = [];
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
    }

    /// <summary>Events written so far.</summary>
    public long Count { get; private set; }

    /// <summary>Registers an observer that sees every event in journal order.</summary>
    public void Subscribe(Action<JournalEvent> observer) => _observers.Add(observer);

    /// <summary>Appends one event.</summary>
    public void Append(JournalEvent journalEvent)
    {
        if (_finalHash is not null)
        {
            throw new InvalidOperationException("the journal is already closed");
        }

        // Lines accumulate in one buffer that is hashed and written a chunk at a time: the digest of the
        // concatenation is the digest of every line in order, with far fewer calls into the hash.
        _json.Reset(_buffer);
        _json.WriteStartObject();
        _json.WriteNumber("t", journalEvent.TimeNs);
        _json.WriteString("k", journalEvent.Kind);
        journalEvent.WriteFields(_json);
        _json.WriteEndObject();
        _json.Flush();
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
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
            _finalHash = Convert.ToHexStringLower(_hash.GetHashAndReset());
            _file?.Flush();
        }

        return _finalHash;
    }

    private void FlushChunk()
    {
        var chunk = _buffer.WrittenSpan;
        if (chunk.IsEmpty)
        {
            return;
        }

        _hash.AppendData(chunk);
        _file?.Write(chunk);
        _buffer.ResetWrittenCount();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _file?.Dispose();
        _json.Dispose();
        _hash.Dispose();
    }
}
