namespace XmtpSim.Protocol.Cursors;

/// <summary>
/// A set of envelope ids kept as one sorted sequence list per originator: 4 bytes an id where a
/// <see cref="HashSet{T}"/> of <see cref="EnvelopeId"/> takes about 28. Sequence ids below 2³² (every one a
/// network assigns in years of traffic) are kept as 32-bit values; larger ones, in a second, 64-bit list of
/// the same originator. Ids mostly arrive in sequence order per originator (a node streams them that way),
/// so an add is usually an append and a lookup of a newer id answers from the last entry; anything else is a
/// binary search.
/// </summary>
public sealed class EnvelopeIdSet
{
    // One entry per originator, in the order first seen. A client's causal buffer keeps one set per group and
    // reads it on every apply; entries inline in one array (rather than a list of objects, each with a list)
    // make that one read of this array and one of the sequence array, which on a day of 100,000 clients are
    // rarely in the cache.
    // Made with room for two (a group's own originator and the app chain's commits) so that the array sits next to
    // the set in memory.
    private Sequences[] _byOriginator = new Sequences[2];
    private int _originators;

    /// <summary>Number of ids in the set.</summary>
    public int Count { get; private set; }

    /// <summary>True when <paramref name="id"/> is in the set.</summary>
    public bool Contains(EnvelopeId id)
    {
        var at = Find(id.Originator);
        if (at < 0)
        {
            return false;
        }

        ref var sequences = ref _byOriginator[at];
        return id.Sequence <= uint.MaxValue
            ? IndexOf(sequences.Narrow, sequences.NarrowCount, (uint)id.Sequence) >= 0
            : sequences.Wide is { } wide && IndexOf(wide, id.Sequence) >= 0;
    }

    /// <summary>Adds <paramref name="id"/>; false when it was already there.</summary>
    public bool Add(EnvelopeId id)
    {
        var at = Find(id.Originator);
        if (at < 0)
        {
            if (_originators == _byOriginator.Length)
            {
                Array.Resize(ref _byOriginator, Math.Max(2, 2 * _originators));
            }

            at = _originators++;
            _byOriginator[at] = new Sequences { Originator = id.Originator, Narrow = [] };
        }

        ref var sequences = ref _byOriginator[at];
        var added = id.Sequence <= uint.MaxValue
            ? Insert(ref sequences, (uint)id.Sequence)
            : Insert(sequences.Wide ??= [], id.Sequence);
        if (added)
        {
            Count++;
        }

        return added;
    }

    private static int IndexOf(uint[] sorted, int count, uint value)
    {
        if (count == 0 || value > sorted[count - 1])
        {
            return ~count;
        }

        return Array.BinarySearch(sorted, 0, count, value);
    }

    private static bool Insert(ref Sequences sequences, uint value)
    {
        var count = sequences.NarrowCount;
        var index = IndexOf(sequences.Narrow, count, value);
        if (index >= 0)
        {
            return false;
        }

        index = ~index;
        if (count == sequences.Narrow.Length)
        {
            Array.Resize(ref sequences.Narrow, Math.Max(4, 2 * count));
        }

        Array.Copy(sequences.Narrow, index, sequences.Narrow, index + 1, count - index);
        sequences.Narrow[index] = value;
        sequences.NarrowCount = count + 1;
        return true;
    }

    private static int IndexOf(List<ulong> sorted, ulong value)
    {
        if (sorted.Count == 0 || value > sorted[^1])
        {
            return ~sorted.Count;
        }

        return sorted.BinarySearch(value);
    }

    private static bool Insert(List<ulong> sorted, ulong value)
    {
        var index = IndexOf(sorted, value);
        if (index >= 0)
        {
            return false;
        }

        sorted.Insert(~index, value);
        return true;
    }

    private int Find(uint originator)
    {
        for (var i = 0; i < _originators; i++)
        {
            if (_byOriginator[i].Originator == originator)
            {
                return i;
            }
        }

        return -1;
    }

    // Sequence ids below 2³² of one originator, sorted (the first NarrowCount entries of Narrow), and any larger ones.
    private struct Sequences
    {
        public uint Originator;
        public uint[] Narrow;
        public int NarrowCount;
        public List<ulong>? Wide;
    }
}
