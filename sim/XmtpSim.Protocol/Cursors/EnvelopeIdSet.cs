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
    private readonly List<Sequences> _byOriginator = [];

    /// <summary>Number of ids in the set.</summary>
    public int Count { get; private set; }

    /// <summary>True when <paramref name="id"/> is in the set.</summary>
    public bool Contains(EnvelopeId id)
    {
        var sequences = Find(id.Originator);
        if (sequences is null)
        {
            return false;
        }

        return id.Sequence <= uint.MaxValue
            ? IndexOf(sequences.Narrow, (uint)id.Sequence) >= 0
            : sequences.Wide is { } wide && IndexOf(wide, id.Sequence) >= 0;
    }

    /// <summary>Adds <paramref name="id"/>; false when it was already there.</summary>
    public bool Add(EnvelopeId id)
    {
        var sequences = Find(id.Originator);
        if (sequences is null)
        {
            sequences = new Sequences(id.Originator);
            _byOriginator.Add(sequences);
        }

        var added = id.Sequence <= uint.MaxValue
            ? Insert(sequences.Narrow, (uint)id.Sequence)
            : Insert(sequences.Wide ??= [], id.Sequence);
        if (added)
        {
            Count++;
        }

        return added;
    }

    private static int IndexOf<T>(List<T> sorted, T value)
        where T : IComparable<T>
    {
        if (sorted.Count == 0 || value.CompareTo(sorted[^1]) > 0)
        {
            return ~sorted.Count;
        }

        return sorted.BinarySearch(value);
    }

    private static bool Insert<T>(List<T> sorted, T value)
        where T : IComparable<T>
    {
        var index = IndexOf(sorted, value);
        if (index >= 0)
        {
            return false;
        }

        if (~index == sorted.Count)
        {
            sorted.Add(value);
        }
        else
        {
            sorted.Insert(~index, value);
        }

        return true;
    }

    private Sequences? Find(uint originator)
    {
        foreach (var sequences in _byOriginator)
        {
            if (sequences.Originator == originator)
            {
                return sequences;
            }
        }

        return null;
    }

    private sealed class Sequences(uint originator)
    {
        public uint Originator { get; } = originator;

        public List<uint> Narrow { get; } = [];

        public List<ulong>? Wide { get; set; }
    }
}
