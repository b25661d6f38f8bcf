using System.Collections;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using XmtpSim.Protocol.Storage;

namespace XmtpSim.Checks.Recording;

/// <summary>
/// An append-only list of values kept in fixed chunks of 65,536 items, so that growing to tens of millions of
/// records never copies what is already stored (a <see cref="List{T}"/> doubles and copies its whole array).
/// A list told to <see cref="SpillTo"/> a <see cref="ScratchFile"/> keeps its first eight chunks in memory and moves
/// every later chunk there once it is full (or once it is more than a given number of chunks behind the one being
/// filled, for a list whose recent items are still read). Reading a spilled item reads its chunk back into a
/// small cache of the last four chunks read, not into the list: a scan over a day's tens of millions of records
/// holds a few chunks at a time, not the whole table. Appending into a spilled chunk (after
/// <see cref="Truncate"/>) brings the chunk back for good. The list's indexer reads through a reader that keeps
/// that cache for one thread; <see cref="OpenReader"/> gives another thread a reader with a cache of its own.
/// </summary>
public sealed class ChunkedList<T> : IReadOnlyList<T>
    where T : struct
{
    private const int ChunkShift = 16;
    private const int ChunkSize = 1 << ChunkShift;
    private const int ChunkMask = ChunkSize - 1;

    /// <summary>Chunks kept in memory before a spilling list starts to spill (524,288 items).</summary>
    private const int ChunksBeforeSpill = 8;

    /// <summary>Spilled chunks kept after a read.</summary>
    private const int ReadCacheSize = 4;

    private readonly List<T[]?> _chunks = [];
    private readonly List<long> _spilledAt = []; // file offset per chunk, -1 while in memory
    private readonly Reader _reader;
    private ScratchFile? _spill;
    private int _recentChunks;

    /// <summary>An empty list.</summary>
    public ChunkedList() => _reader = new Reader(this);

    /// <summary>Items stored.</summary>
    public int Count { get; private set; }

    /// <summary>The item at <paramref name="index"/> (0-based).</summary>
    public T this[int index] => _reader[index];

    /// <summary>
    /// A reader of the list with its own cache of spilled chunks, for a thread other than the one using the list's
    /// indexer: readers on different threads may read at the same time, as long as nothing is appended or truncated
    /// meanwhile (the list's own reader alone is told of a truncation).
    /// </summary>
    public Reader OpenReader() => new(this);

    /// <summary>Chunks currently in the spill file, not in memory.</summary>
    public int SpilledChunks => _chunks.Count(c => c is null);

    /// <summary>
    /// From now on, full chunks past the first eight go to <paramref name="spill"/>, except the last
    /// <paramref name="recentChunks"/> full ones.
    /// </summary>
    /// <exception cref="NotSupportedException">The items hold references (they cannot be written out as bytes).</exception>
    public void SpillTo(ScratchFile spill, int recentChunks = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(recentChunks);
        ArgumentNullException.ThrowIfNull(spill);
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            throw new NotSupportedException($"{typeof(T).Name} holds references and cannot be spilled");
        }

        _spill = spill;
        _recentChunks = recentChunks;
    }

    /// <summary>Appends one item.</summary>
    public void Add(in T item)
    {
        var offset = Count & ChunkMask;
        if (offset == 0)
        {
            // The chunk just filled goes to the spill and its array is reused for the next one: a spilling list
            // allocates nothing more, and leaves no garbage on the large-object heap for a full collection.
            var oldest = _chunks.Count - 1 - _recentChunks;
            var recycled = _spill is not null && oldest >= ChunksBeforeSpill ? Spill(oldest) : null;
            _chunks.Add(recycled ?? new T[Count == 0 ? 256 : ChunkSize]);
            _spilledAt.Add(-1);
        }
        else if (_chunks.Count == 1 && offset == _chunks[0]!.Length)
        {
            // The first chunk starts small (most histories in tests are tiny) and grows up to a full chunk.
            var grown = new T[Math.Min(ChunkSize, offset * 4)];
            Array.Copy(_chunks[0]!, grown, offset);
            _chunks[0] = grown;
        }

        Writable(_chunks.Count - 1)[offset] = item;
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
        _spilledAt.RemoveRange(chunksInUse, _spilledAt.Count - chunksInUse);
        _reader.Forget(chunksInUse, int.MaxValue);
    }

    /// <summary>
    /// Enumerates the items through a reader of its own (<see cref="OpenReader"/>), so that enumerations on different
    /// threads of a list nothing appends to any more do not share a cache.
    /// </summary>
    public IEnumerator<T> GetEnumerator() => OpenReader().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Writes a full chunk out and releases it; returns its array (null when there was nothing to spill).</summary>
    private T[]? Spill(int chunk)
    {
        var items = _chunks[chunk];
        if (items is null || items.Length != ChunkSize)
        {
            return null;
        }

        _spilledAt[chunk] = _spill!.Append(MemoryMarshal.AsBytes(items.AsSpan()));
        _chunks[chunk] = null;
        return items;
    }

    // A chunk to write into: brought back into the list for good (and out of the cache, whose copy would go stale).
    private T[] Writable(int chunk)
    {
        if (_chunks[chunk] is { } items)
        {
            return items;
        }

        items = new T[ChunkSize];
        _spill!.Read(_spilledAt[chunk], MemoryMarshal.AsBytes(items.AsSpan()));
        _chunks[chunk] = items;
        _reader.Forget(chunk, chunk + 1);
        return items;
    }

    /// <summary>
    /// A reader of the list with a cache of the last few spilled chunks it read back, the oldest replaced first (see
    /// <see cref="OpenReader"/>).
    /// </summary>
    public sealed class Reader : IReadOnlyList<T>
    {
        private readonly ChunkedList<T> _list;
        private readonly (int Chunk, T[]? Items)[] _slots = new (int, T[]?)[ReadCacheSize];
        private int _next;

        internal Reader(ChunkedList<T> list) => _list = list;

        /// <inheritdoc />
        public int Count => _list.Count;

        /// <inheritdoc />
        public T this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
                return Chunk(index >> ChunkShift)[index & ChunkMask];
            }
        }

        /// <inheritdoc />
        public IEnumerator<T> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return Chunk(i >> ChunkShift)[i & ChunkMask];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>Drops the cached copies of chunks <paramref name="from"/> to <paramref name="to"/> (exclusive).</summary>
        internal void Forget(int from, int to)
        {
            for (var i = 0; i < ReadCacheSize; i++)
            {
                if (_slots[i].Items is not null && _slots[i].Chunk >= from && _slots[i].Chunk < to)
                {
                    _slots[i] = (0, null);
                }
            }
        }

        // A chunk to read: in memory, or read back into this reader's cache.
        private T[] Chunk(int chunk)
        {
            if (_list._chunks[chunk] is { } items)
            {
                return items;
            }

            foreach (var (cached, cachedItems) in _slots)
            {
                if (cached == chunk && cachedItems is not null)
                {
                    return cachedItems;
                }
            }

            var slot = _next;
            _next = (slot + 1) % ReadCacheSize;
            items = _slots[slot].Items ?? new T[ChunkSize]; // the evicted chunk's array is reused
            _list._spill!.Read(_list._spilledAt[chunk], MemoryMarshal.AsBytes(items.AsSpan()));
            _slots[slot] = (chunk, items);
            return items;
        }
    }
}
