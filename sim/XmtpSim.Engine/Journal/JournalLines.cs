using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Text;
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
    private static readonly ConcurrentDictionary<string, byte[]?> Names = new(StringComparer.Ordinal);

    // Small at first and grown on demand: a run has one of these per actor (100,000 clients on mainnet-day),
    // and most actors journal a few short lines per instant.
    private readonly ArrayBufferWriter<byte> _bytes = new(256);
    private Utf8JsonWriter? _json;

    /// <summary>The formatted lines, each ending in "\n".</summary>
    public ReadOnlySpan<byte> Bytes => _bytes.WrittenSpan;

    /// <summary>Lines buffered.</summary>
    public int Count { get; private set; }

    /// <summary>Protocol and fault events, in order, for observers.</summary>
    public List<JournalEvent> Events { get; } = [];

    /// <summary>Network lines, in order, for traffic observers.</summary>
    public List<NetworkEntry> Network { get; } = [];

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
        var json = _json ??= new Utf8JsonWriter(_bytes);
        json.Reset(_bytes);
        json.WriteStartObject();
        json.WriteNumber(JournalWriter.TimeProperty, journalEvent.TimeNs);
        json.WriteString(JournalWriter.KindProperty, journalEvent.Kind);
        journalEvent.WriteFields(json);
        json.WriteEndObject();
        json.Flush();
        _bytes.Write("\n"u8);
        Count++;
        Events.Add(journalEvent);
    }

    public void AddSend(long timeNs, string from, string to, string message, int bytes, long arrivalNs)
    {
        if (!AllPlain(from, to, message))
        {
            Add(new SendEvent(timeNs, from, to, message, bytes, arrivalNs));
            return;
        }

        Head(timeNs, "\"send\""u8);
        Field(",\"from\":\""u8, from);
        Field("\",\"to\":\""u8, to);
        Field("\",\"msg\":\""u8, message);
        _bytes.Write("\",\"bytes\":"u8);
        Number(bytes);
        _bytes.Write(",\"arrive\":"u8);
        Number(arrivalNs);
        _bytes.Write("}\n"u8);
        Count++;
        Network.Add(new NetworkEntry("send", timeNs, from, to, message, bytes, arrivalNs, null));
    }

    public void AddDeliver(long timeNs, string from, string to, string message)
    {
        if (!AllPlain(from, to, message))
        {
            Add(new DeliverEvent(timeNs, from, to, message));
            return;
        }

        Head(timeNs, "\"deliver\""u8);
        Field(",\"from\":\""u8, from);
        Field("\",\"to\":\""u8, to);
        Field("\",\"msg\":\""u8, message);
        _bytes.Write("\"}\n"u8);
        Count++;
        Network.Add(new NetworkEntry("deliver", timeNs, from, to, message, 0, 0, null));
    }

    public void AddDrop(long timeNs, string from, string to, string message, string reason)
    {
        if (!AllPlain(from, to, message) || !IsPlain(reason))
        {
            Add(new DropEvent(timeNs, from, to, message, reason));
            return;
        }

        Head(timeNs, "\"drop\""u8);
        Field(",\"from\":\""u8, from);
        Field("\",\"to\":\""u8, to);
        Field("\",\"msg\":\""u8, message);
        Field("\",\"reason\":\""u8, reason);
        _bytes.Write("\"}\n"u8);
        Count++;
        Network.Add(new NetworkEntry("drop", timeNs, from, to, message, 0, 0, reason));
    }

    public void Dispose() => _json?.Dispose();

    public void Clear()
    {
        _bytes.ResetWrittenCount();
        Count = 0;
        Events.Clear();
        Network.Clear();
    }

    private static bool AllPlain(string a, string b, string c) => IsPlainCached(a) && IsPlainCached(b) && IsPlainCached(c);

    private static bool IsPlainCached(string name) => Encoded(name) is not null;

    private static byte[]? Encoded(string name) => Names.GetOrAdd(name, static n => IsPlain(n) ? Encoding.ASCII.GetBytes(n) : null);

    private void Head(long timeNs, ReadOnlySpan<byte> kind)
    {
        _bytes.Write("{\"t\":"u8);
        Number(timeNs);
        _bytes.Write(",\"k\":"u8);
        _bytes.Write(kind);
    }

    private void Field(ReadOnlySpan<byte> prefix, string value)
    {
        _bytes.Write(prefix);
        _bytes.Write(Encoded(value)!);
    }

    private void Number(long value)
    {
        var span = _bytes.GetSpan(20);
        Utf8Formatter.TryFormat(value, span, out var written);
        _bytes.Advance(written);
    }
}
