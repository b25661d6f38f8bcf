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
            ? sequences.Narrow is { } narrow && IndexOf(narrow, sequences.NarrowCount, (uint)id.Sequence) >= 0
            : sequences.Wide is { } wide && IndexOf(wide, sequences.WideCount, id.Sequence) >= 0;
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
            _byOriginator[at] = new Sequences { Originator = id.Originator };
        }

        ref var sequences = ref _byOriginator[at];
        var added = id.Sequence <= uint.MaxValue
            ? Insert(ref sequences.Narrow, ref sequences.NarrowCount, (uint)id.Sequence)
            : Insert(ref sequences.Wide, ref sequences.WideCount, id.Sequence);
        if (added)
        {
            Count++;
        }

        return added;
    }

    // The first `count` entries of `sorted` are the sorted values; a newer value than the last is the common case.
    private static int IndexOf<T>(T[] sorted, int count, T value)
        where T : IComparable<T>
    {
        if (count == 0 || value.CompareTo(sorted[count - 1]) > 0)
        {
            return ~count;
        }

        return Array.BinarySearch(sorted, 0, count, value);
    }

    private static bool Insert<T>(ref T[]? sorted, ref int count, T value)
        where T : IComparable<T>
    {
        sorted ??= [];
        var index = IndexOf(sorted, count, value);
        if (index >= 0)
        {
            return false;
        }

        index = ~index;
        if (count == sorted.Length)
        {
            Array.Resize(ref sorted, Math.Max(4, 2 * count));
        }

        Array.Copy(sorted, index, sorted, index + 1, count - index);
        sorted[index] = value;
        count++;
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

    // Sequence ids of one originator, sorted: those below 2³² in the first NarrowCount entries of Narrow, any larger
    // ones in the first WideCount entries of Wide.
    private struct Sequences
    {
        public uint Originator;
        public uint[]? Narrow;
        public int NarrowCount;
        public ulong[]? Wide;
        public int WideCount;
    }
}
