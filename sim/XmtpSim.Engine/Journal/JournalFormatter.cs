using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace XmtpSim.Engine.Journal;

/// <summary>
/// Turns journal entries into canonical lines (each ending in "\n"). Network lines (send, deliver, drop) are
/// written by hand from pre-encoded names, byte for byte what <see cref="Utf8JsonWriter"/> writes for the
/// equivalent <see cref="SendEvent"/>, <see cref="DeliverEvent"/> and <see cref="DropEvent"/>; other events go
/// through their own <see cref="JournalEvent.WriteFields"/>. One instance per thread.
/// </summary>
internal sealed class JournalFormatter : IDisposable
{
    // Everything in a network line but the names: the longest fixed text (a drop line's, 61 bytes) and
    // two 20-digit numbers, rounded up.
    private const int LineOverhead = 128;

    private readonly ArrayBufferWriter<byte> _output;
    private readonly Utf8JsonWriter _json;

    /// <summary>A formatter appending to <paramref name="output"/>.</summary>
    public JournalFormatter(ArrayBufferWriter<byte> output)
    {
        _output = output;
        _json = new Utf8JsonWriter(output);
    }

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

    /// <summary>Appends the line of <paramref name="entry"/>.</summary>
    public void Write(in JournalEntry entry)
    {
        switch (entry.Kind)
        {
            case JournalEntryKind.Send:
                WriteSend(entry);
                break;
            case JournalEntryKind.Deliver:
                WriteDeliver(entry);
                break;
            case JournalEntryKind.Drop:
                WriteDrop(entry);
                break;
            default:
                Write(entry.Event!);
                break;
        }
    }

    /// <summary>Appends the line of <paramref name="journalEvent"/>.</summary>
    public void Write(JournalEvent journalEvent)
    {
        _json.Reset(_output);
        _json.WriteStartObject();
        _json.WriteNumber(JournalWriter.TimeProperty, journalEvent.TimeNs);
        _json.WriteString(JournalWriter.KindProperty, journalEvent.Kind);
        journalEvent.WriteFields(_json);
        _json.WriteEndObject();
        _json.Flush();
        _output.Write("\n"u8);
    }

    public void Dispose() => _json.Dispose();

    private void WriteSend(in JournalEntry entry)
    {
        var (from, to, message) = (entry.From!, entry.To!, entry.Message!);
        if (from.Utf8 is null || to.Utf8 is null || message.Utf8 is null)
        {
            Write(new SendEvent(entry.TimeNs, from.Text, to.Text, message.Text, entry.Bytes, entry.ArrivalNs));
            return;
        }

        var line = Start(entry.TimeNs, "\"send\""u8, from.Utf8, to.Utf8, message.Utf8, 0);
        line.Put("\",\"bytes\":"u8);
        line.Number(entry.Bytes);
        line.Put(",\"arrive\":"u8);
        line.Number(entry.ArrivalNs);
        line.Put("}\n"u8);
        _output.Advance(line.Length);
    }

    private void WriteDeliver(in JournalEntry entry)
    {
        var (from, to, message) = (entry.From!, entry.To!, entry.Message!);
        if (from.Utf8 is null || to.Utf8 is null || message.Utf8 is null)
        {
            Write(new DeliverEvent(entry.TimeNs, from.Text, to.Text, message.Text));
            return;
        }

        var line = Start(entry.TimeNs, "\"deliver\""u8, from.Utf8, to.Utf8, message.Utf8, 0);
        line.Put("\"}\n"u8);
        _output.Advance(line.Length);
    }

    private void WriteDrop(in JournalEntry entry)
    {
        var (from, to, message, reason) = (entry.From!, entry.To!, entry.Message!, entry.Reason!);
        if (from.Utf8 is null || to.Utf8 is null || message.Utf8 is null || reason.Utf8 is null)
        {
            Write(new DropEvent(entry.TimeNs, from.Text, to.Text, message.Text, reason.Text));
            return;
        }

        var line = Start(entry.TimeNs, "\"drop\""u8, from.Utf8, to.Utf8, message.Utf8, reason.Utf8.Length);
        line.Put("\",\"reason\":\""u8);
        line.Put(reason.Utf8);
        line.Put("\"}\n"u8);
        _output.Advance(line.Length);
    }

    /// <summary>Starts a network line: time, kind, from, to and msg, in a span with room for <paramref name="extra"/> more name bytes.</summary>
    private Line Start(long timeNs, ReadOnlySpan<byte> kind, byte[] from, byte[] to, byte[] message, int extra)
    {
        var line = new Line(_output.GetSpan(LineOverhead + from.Length + to.Length + message.Length + extra));
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
