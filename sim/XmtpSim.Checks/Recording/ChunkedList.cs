using System.Collections;

namespace XmtpSim.Checks.Recording;

/// <summary>
/// An append-only list of values kept in fixed chunks of 65,536 items, so that growing to tens of millions of
/// records never copies what is already stored (a <see cref="List{T}"/> doubles and copies its whole array).
/// </summary>
public sealed class ChunkedList<T> : IReadOnlyList<T>
    where T : struct
{
    private const int ChunkShift = 16;
    private const int ChunkSize = 1 << ChunkShift;
    private const int ChunkMask = ChunkSize - 1;

    private readonly List<T[]> _chunks = [];

    /// <summary>Items stored.</summary>
    public int Count { get; private set; }

    /// <summary>The item at <paramref name="index"/> (0-based).</summary>
    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return _chunks[index >> ChunkShift][index & ChunkMask];
        }
    }

    /// <summary>Appends one item.</summary>
    public void Add(in T item)
    {
        var offset = Count & ChunkMask;
        if (offset == 0)
        {
            _chunks.Add(new T[Count == 0 ? 256 : ChunkSize]);
        }
        else if (_chunks.Count == 1 && offset == _chunks[0].Length)
        {
            // The first chunk starts small (most histories in tests are tiny) and grows up to a full chunk.
            var grown = new T[Math.Min(ChunkSize, offset * 4)];
            Array.Copy(_chunks[0], grown, offset);
            _chunks[0] = grown;
        }

        _chunks[^1][offset] = item;
        Count++;
    }

    /// <summary>Drops every item from <paramref name="count"/> on (the last ones appended).</summary>
    public void Truncate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        Count = count;

        // Keep exactly the chunks that hold items: Add starts a new chunk whenever Count is at a boundary.
        var chunksInUse = (count + ChunkMask) >> ChunkShift;
        _chunks.RemoveRange(chunksInUse, _chunks.Count - chunksInUse);
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return _chunks[i >> ChunkShift][i & ChunkMask];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
