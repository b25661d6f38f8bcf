using System.Globalization;
using System.Text;
using XmtpSim.Checks.Recording;

namespace XmtpSim.Checks.Output;

/// <summary><c>deliveries.csv</c>: one row per client apply, in journal order.</summary>
public static class DeliveriesCsv
{
    /// <summary>The header line.</summary>
    public const string Header = "publish_ns,apply_ns,latency_ms,client,node,topic,originator,seq,fee_picodollars";

    /// <summary>Room for a row's numbers and separators: six numbers of at most 20 digits and a sign, a latency, commas, the line end.</summary>
    private const int NumbersRoom = 256;

    /// <summary>Latencies below this many nanoseconds print exactly from integers (15 significant digits, as the double format gives).</summary>
    private const long IntegerMillisLimit = 1_000_000_000_000_000;

    /// <summary>
    /// Writes the file as UTF-8 to <paramref name="stream"/> (latency_ms is empty when the publish time is unknown;
    /// publish_ns is then -1). The applies are read through a reader of their own, so the file can be written on one
    /// thread while the checks read the same (finished) history on another.
    /// </summary>
    public static void Write(Stream stream, RecordedHistory history)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(history);
        var writer = new Writer(stream, history);
        foreach (var a in history.Applies.OpenReader())
        {
            writer.Append(a);
        }

        writer.Flush();
    }

    /// <summary>
    /// Writes the file one row at a time, so it can be written while the history is still being recorded (a day has
    /// 71 million rows, 9.4 GB). Each row is formatted as bytes straight into a buffer, with each name encoded and
    /// quoted once per file, not per row. Names are read from the history's tables when first written: use it on the
    /// thread that records into the history.
    /// </summary>
    public sealed class Writer
    {
        private readonly Stream _stream;
        private readonly FieldBytes _actors;
        private readonly FieldBytes _topics;
        private byte[] _buffer = new byte[1 << 20];
        private int _at;

        /// <summary>A writer of <paramref name="history"/>'s applies to <paramref name="stream"/>; writes the header now.</summary>
        public Writer(Stream stream, RecordedHistory history)
        {
            ArgumentNullException.ThrowIfNull(stream);
            ArgumentNullException.ThrowIfNull(history);
            _stream = stream;
            _actors = new FieldBytes(history.Actors);
            _topics = new FieldBytes(history.Topics);
            _at = Encoding.UTF8.GetBytes(Header + "\n", _buffer);
        }

        /// <summary>Rows appended so far.</summary>
        public long Rows { get; private set; }

        /// <summary>Appends the row of one apply (its ids name entries of the history's tables).</summary>
        public void Append(in ApplyRecord a)
        {
            var client = _actors[a.Client];
            var node = a.ReadNode >= 0 ? _actors[a.ReadNode] : [];
            var topic = _topics[a.Topic];
            var needed = NumbersRoom + client.Length + node.Length + topic.Length;
            if (_buffer.Length - _at < needed)
            {
                _stream.Write(_buffer, 0, _at);
                _at = 0;
                if (_buffer.Length < needed)
                {
                    _buffer = new byte[needed];
                }
            }

            var row = _buffer.AsSpan(_at);
            var n = Number(a.PublishedNs, row);
            row[n++] = (byte)',';
            n += Number(a.TimeNs, row[n..]);
            row[n++] = (byte)',';
            if (a.LatencyNs >= 0)
            {
                n += Millis(a.LatencyNs, row[n..]);
            }

            row[n++] = (byte)',';
            client.CopyTo(row[n..]);
            n += client.Length;
            row[n++] = (byte)',';
            node.CopyTo(row[n..]);
            n += node.Length;
            row[n++] = (byte)',';
            topic.CopyTo(row[n..]);
            n += topic.Length;
            row[n++] = (byte)',';
            n += Number(a.Envelope.Originator, row[n..]);
            row[n++] = (byte)',';
            n += Number(a.Envelope.Sequence, row[n..]);
            row[n++] = (byte)',';
            n += Number(a.FeePicodollars, row[n..]);
            row[n++] = (byte)'\n';
            _at += n;
            Rows++;
        }

        /// <summary>Writes what is buffered to the stream, and flushes the stream.</summary>
        public void Flush()
        {
            _stream.Write(_buffer, 0, _at);
            _at = 0;
            _stream.Flush();
        }
    }

    private static int Number<T>(T value, Span<byte> destination)
        where T : IUtf8SpanFormattable
    {
        value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture);
        return written;
    }

    /// <summary><see cref="Csv.Millis"/>'s text: whole milliseconds, then up to six decimals without trailing zeros.</summary>
    private static int Millis(long ns, Span<byte> destination)
    {
        if (ns >= IntegerMillisLimit)
        {
            var text = Csv.Millis(ns);
            return Encoding.ASCII.GetBytes(text, destination);
        }

        var n = Number(ns / 1_000_000, destination);
        var fraction = (int)(ns % 1_000_000);
        if (fraction == 0)
        {
            return n;
        }

        destination[n++] = (byte)'.';
        for (var divisor = 100_000; fraction != 0; divisor /= 10)
        {
            destination[n++] = (byte)('0' + (fraction / divisor));
            fraction %= divisor;
        }

        return n;
    }

    /// <summary>Each name of a table as a CSV field in UTF-8, made when first written (the table may still grow).</summary>
    private sealed class FieldBytes(StringTable table)
    {
        private byte[]?[] _fields = new byte[Math.Max(16, table.Count)][];

        public ReadOnlySpan<byte> this[int id]
        {
            get
            {
                if (id >= _fields.Length)
                {
                    Array.Resize(ref _fields, Math.Max(id + 1, 2 * _fields.Length));
                }

                return _fields[id] ??= Encoding.UTF8.GetBytes(Csv.Field(table[id]));
            }
        }
    }
}
