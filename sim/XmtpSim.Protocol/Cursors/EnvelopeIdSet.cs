namespace XmtpSim.Protocol.Cursors;

/// <summary>
/// A set of envelope ids kept as one sorted sequence list per originator: 8 bytes an id where a
/// <see cref="HashSet{T}"/> of <see cref="EnvelopeId"/> takes about 28. Ids mostly arrive in sequence order
/// per originator (a node streams them that way), so an add is usually an append and a lookup of a newer id
/// answers from the last entry; anything else is a binary search.
/// </summary>
public sealed class EnvelopeIdSet
{
    private readonly List<(uint Originator, List<ulong> Sequences)> _byOriginator = [];

    /// <summary>Number of ids in the set.</summary>
    public int Count { get; private set; }

    /// <summary>True when <paramref name="id"/> is in the set.</summary>
    public bool Contains(EnvelopeId id)
    {
        var sequences = Find(id.Originator);
        if (sequences is null || sequences.Count == 0 || id.Sequence > sequences[^1])
        {
            return false;
        }

        return sequences.BinarySearch(id.Sequence) >= 0;
    }

    /// <summary>Adds <paramref name="id"/>; false when it was already there.</summary>
    public bool Add(EnvelopeId id)
    {
        var sequences = Find(id.Originator);
        if (sequences is null)
        {
            sequences = [];
            _byOriginator.Add((id.Originator, sequences));
        }

        if (sequences.Count == 0 || id.Sequence > sequences[^1])
        {
            sequences.Add(id.Sequence);
        }
        else
        {
            var index = sequences.BinarySearch(id.Sequence);
            if (index >= 0)
            {
                return false;
            }

            sequences.Insert(~index, id.Sequence);
        }

        Count++;
        return true;
    }

    private List<ulong>? Find(uint originator)
    {
        foreach (var (candidate, sequences) in _byOriginator)
        {
            if (candidate == originator)
            {
                return sequences;
            }
        }

        return null;
    }
}
