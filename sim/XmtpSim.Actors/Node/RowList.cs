using System.Collections;
using XmtpSim.Protocol.Envelopes;

namespace XmtpSim.Actors.Node;

/// <summary>
/// A node store's list of rows (one originator's stream, or one topic), kept in chunks of at most 4,096 rows.
/// A <see cref="List{T}"/> doubles its array as it grows: a day's per-originator lists of half a million rows
/// would carry up to as many empty slots again, on every node, and leave each outgrown array (megabytes, on the
/// large-object heap) as garbage. Here the first chunk grows from one row to a full chunk, so a topic with a
/// few rows costs one small array; later chunks are allocated full and never copied, and none is large enough
/// for the large-object heap.
/// </summary>
internal sealed class RowList : IReadOnlyList<ParsedOriginatorEnvelope>
{
    private const int ChunkShift = 12;
    private const int ChunkSize = 1 << ChunkShift;
    private const int ChunkMask = ChunkSize - 1;

    private ParsedOriginatorEnvelope[] _head = new ParsedOriginatorEnvelope[1];
    private List<ParsedOriginatorEnvelope[]>? _tail; // chunks 1.., each ChunkSize long

    /// <summary>Rows held.</summary>
    public int Count { get; private set; }

    /// <summary>The row at <paramref name="index"/> (0-based).</summary>
    public ParsedOriginatorEnvelope this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return Slot(index);
        }
    }

    /// <summary>The last row (the list must not be empty).</summary>
    public ParsedOriginatorEnvelope Last => this[Count - 1];

    /// <summary>Appends a row.</summary>
    public void Add(ParsedOriginatorEnvelope row)
    {
        if (Count < ChunkSize && Count == _head.Length)
        {
            Array.Resize(ref _head, Math.Min(ChunkSize, _head.Length * 2));
        }
        else if (Count >= ChunkSize && (Count & ChunkMask) == 0)
        {
            (_tail ??= []).Add(new ParsedOriginatorEnvelope[ChunkSize]);
        }

        Count++;
        Slot(Count - 1) = row;
    }

    /// <summary>Inserts a row at <paramref name="index"/>, moving the rows from there on one place up.</summary>
    public void Insert(int index, ParsedOriginatorEnvelope row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, Count);
        Add(row);
        for (var i = Count - 1; i > index; i--)
        {
            Slot(i) = Slot(i - 1);
        }

        Slot(index) = row;
    }

    /// <summary>A copy of <paramref name="count"/> rows from <paramref name="index"/> on.</summary>
    public List<ParsedOriginatorEnvelope> GetRange(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index + count, Count);
        var range = new List<ParsedOriginatorEnvelope>(count);
        for (var i = index; i < index + count; i++)
        {
            range.Add(Slot(i));
        }

        return range;
    }

    /// <inheritdoc />
    public IEnumerator<ParsedOriginatorEnvelope> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return Slot(i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private ref ParsedOriginatorEnvelope Slot(int index) =>
        ref index < ChunkSize ? ref _head[index] : ref _tail![(index >> ChunkShift) - 1][index & ChunkMask];
}
