using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace XmtpSim.Engine.Journal;

/// <summary>
/// One actor's journal lines for the current instant, formatted where the actor runs (possibly on a worker
/// thread) so the engine's serial merge only hashes bytes. Network lines (send, deliver, drop) are written
/// by hand from pre-encoded names, byte for byte what <see cref="Utf8JsonWriter"/> writes for the
/// equivalent <see cref="SendEvent"/>, <see cref="DeliverEvent"/> and <see cref="DropEvent"/>; other events
/// go through their own <see cref="JournalEvent.WriteFields"/>.
/// </summary>
internal sealed class JournalLines : IDisposable
{
    // Everything in a network line but the names: the longest fixed text (a drop line's, 61 bytes) and
    // two 20-digit numbers, rounded up.
    private const int LineOverhead = 128;

    private readonly JournalWriter _writer;
    private readonly JournalLinesPool _pool;

    // Taken from the pool at an instant's first line and given back by Clear: a run has one of these per actor
    // (100,000 clients on mainnet-day), but only the actors that run in an instant hold buffers.
    private JournalLinesPool.Buffers? _buffers;

    /// <summary>
    /// Lines for the journal <paramref name="writer"/> (network entries are kept only when it has traffic observers),
    /// formatted into buffers from <paramref name="pool"/>.
    /// </summary>
    public JournalLines(JournalWriter writer, JournalLinesPool pool)
    {
        _writer = writer;
        _pool = pool;
    }

    /// <summary>The formatted lines, each ending in "\n".</summary>
    public ReadOnlySpan<byte> Bytes => _buffers is { } buffers ? buffers.Bytes.WrittenSpan : [];

    /// <summary>Lines buffered.</summary>
    public int Count { get; private set; }

    /// <summary>Protocol and fault events, in order, for observers.</summary>
    public IReadOnlyList<JournalEvent> Events => _buffers?.Events ?? [];

    /// <summary>Network lines, in order, for traffic observers.</summary>
    public IReadOnlyList<NetworkEntry> Network => _buffers?.Network ?? [];

    private ArrayBufferWriter<byte> Writer => (_buffers ??= _pool.Rent()).Bytes;

    /// <summary>True when a name can be written without JSON escaping (so the hand-written line matches Utf8JsonWriter).</summary>
    public static bool IsPlain(string name)
    {
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    public void Add(JournalEvent journalEvent)
    {
        var buffers = _buffers ??= _pool.Rent();
        var json = buffers.Json;
        json.Reset(buffers.Bytes);
        json.WriteStartObject();
        json.WriteNumber(JournalWriter.TimeProperty, journalEvent.TimeNs);
        json.WriteString(JournalWriter.KindProperty, journalEvent.Kind);
        journalEvent.WriteFields(json);
        json.WriteEndObject();
        json.Flush();
        buffers.Bytes.Write("\n"u8);
        Count++;
        buffers.Events.Add(journalEvent);
    }

    public void AddSend(long timeNs, JournalName from, JournalName to, JournalName message, int bytes, long arrivalNs)
    {
        if (from.Utf8 is null || to.Utf8 is null || message.Utf8 is null)
        {
            Add(new SendEvent(timeNs, from.Text, to.Text, message.Text, bytes, arrivalNs));
            return;
        }

        var line = Start(timeNs, "\"send\""u8, from.Utf8, to.Utf8, message.Utf8, 0);
        line.Put("\",\"bytes\":"u8);
        line.Number(bytes);
        line.Put(",\"arrive\":"u8);
        line.Number(arrivalNs);
        line.Put("}\n"u8);
        Writer.Advance(line.Length);
        Count++;
        if (_writer.ObservesNetwork)
        {
            _buffers!.Network.Add(new NetworkEntry("send", timeNs, from.Text, to.Text, message.Text, bytes, arrivalNs, null));
        }
    }

    public void AddDeliver(long timeNs, JournalName from, JournalName to, JournalName message)
    {
        if (from.Utf8 is null || to.Utf8 is null || message.Utf8 is null)
        {
            Add(new DeliverEvent(timeNs, from.Text, to.Text, message.Text));
            return;
        }

        var line = Start(timeNs, "\"deliver\""u8, from.Utf8, to.Utf8, message.Utf8, 0);
        line.Put("\"}\n"u8);
        Writer.Advance(line.Length);
        Count++;
        if (_writer.ObservesNetwork)
        {
            _buffers!.Network.Add(new NetworkEntry("deliver", timeNs, from.Text, to.Text, message.Text, 0, 0, null));
        }
    }

    public void AddDrop(long timeNs, JournalName from, JournalName to, JournalName message, JournalName reason)
    {
        if (from.Utf8 is null || to.Utf8 is null || message.Utf8 is null || reason.Utf8 is null)
        {
            Add(new DropEvent(timeNs, from.Text, to.Text, message.Text, reason.Text));
            return;
        }

        var line = Start(timeNs, "\"drop\""u8, from.Utf8, to.Utf8, message.Utf8, reason.Utf8.Length);
        line.Put("\",\"reason\":\""u8);
        line.Put(reason.Utf8);
        line.Put("\"}\n"u8);
        Writer.Advance(line.Length);
        Count++;
        if (_writer.ObservesNetwork)
        {
            _buffers!.Network.Add(new NetworkEntry("drop", timeNs, from.Text, to.Text, message.Text, 0, 0, reason.Text));
        }
    }

    public void Dispose() => Clear();

    /// <summary>Drops the lines and gives the buffers back to the pool.</summary>
    public void Clear()
    {
        Count = 0;
        if (_buffers is { } buffers)
        {
            _buffers = null;
            _pool.Return(buffers);
        }
    }

    /// <summary>Starts a network line: time, kind, from, to and msg, in a span with room for <paramref name="extra"/> more name bytes.</summary>
    private Line Start(long timeNs, ReadOnlySpan<byte> kind, byte[] from, byte[] to, byte[] message, int extra)
    {
        var line = new Line(Writer.GetSpan(LineOverhead + from.Length + to.Length + message.Length + extra));
        line.Head(timeNs, kind);
        line.Put(",\"from\":\""u8);
        line.Put(from);
        line.Put("\",\"to\":\""u8);
        line.Put(to);
        line.Put("\",\"msg\":\""u8);
        line.Put(message);
        return line;
    }

    /// <summary>
    /// Writes one line into a span sized for it up front (fixed text, two 20-digit numbers and the names),
    /// so a network line costs one buffer reservation instead of a dozen small writes.
    /// </summary>
    private ref struct Line(Span<byte> span)
    {
        private readonly Span<byte> _span = span;

        public int Length { get; private set; }

        public void Put(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(_span[Length..]);
            Length += bytes.Length;
        }

        public void Head(long timeNs, ReadOnlySpan<byte> kind)
        {
            Put("{\"t\":"u8);
            Number(timeNs);
            Put(",\"k\":"u8);
            Put(kind);
        }

        public void Number(long value)
        {
            Utf8Formatter.TryFormat(value, _span[Length..], out var written);
            Length += written;
        }
    }
}
