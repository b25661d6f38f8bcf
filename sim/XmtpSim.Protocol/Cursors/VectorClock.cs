using System.Collections;
using System.Text;

namespace XmtpSim.Protocol.Cursors;

/// <summary>
/// An immutable cursor / vector clock: originator id → highest sequence id seen (spec §2.1, §5.2).
/// A missing originator means 0, so entries equal to 0 are never stored and two clocks that differ only
/// by explicit zeros are equal. Entries are kept sorted by originator id.
/// </summary>
public sealed class VectorClock : IEquatable<VectorClock>, IEnumerable<KeyValuePair<uint, ulong>>
{
    /// <summary>xmtpd rejects query cursors with more entries than this (spec §7.4, §12).</summary>
    public const int MaxEntries = 100;

    private readonly uint[] _originators;
    private readonly ulong[] _sequences;
    private string? _text;

    private VectorClock(uint[] originators, ulong[] sequences)
    {
        _originators = originators;
        _sequences = sequences;
    }

    /// <summary>The clock with every entry 0.</summary>
    public static VectorClock Empty { get; } = new([], []);

    /// <summary>Number of non-zero entries.</summary>
    public int Count => _originators.Length;

    /// <summary>True when every entry is 0.</summary>
    public bool IsEmpty => _originators.Length == 0;

    /// <summary>Originators with a non-zero entry, ascending.</summary>
    public ReadOnlySpan<uint> Originators => _originators;

    /// <summary>The sequence ids matching <see cref="Originators"/>.</summary>
    public ReadOnlySpan<ulong> Sequences => _sequences;

    /// <summary>The sequence id for <paramref name="originator"/> (0 when absent).</summary>
    public ulong this[uint originator]
    {
        get
        {
            var index = Array.BinarySearch(_originators, originator);
            return index >= 0 ? _sequences[index] : 0;
        }
    }

    /// <summary>Builds a clock from entries; zeros are dropped, duplicate originators keep the maximum.</summary>
    public static VectorClock From(IEnumerable<KeyValuePair<uint, ulong>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries is IReadOnlyCollection<KeyValuePair<uint, ulong>> { Count: 0 })
        {
            return Empty;
        }

        var pairs = new List<KeyValuePair<uint, ulong>>(entries is IReadOnlyCollection<KeyValuePair<uint, ulong>> sized ? sized.Count : 4);
        foreach (var entry in entries)
        {
            if (entry.Value != 0)
            {
                pairs.Add(entry);
            }
        }

        if (pairs.Count == 0)
        {
            return Empty;
        }

        pairs.Sort(static (left, right) => left.Key.CompareTo(right.Key));
        var originators = new List<uint>(pairs.Count);
        var sequences = new List<ulong>(pairs.Count);
        foreach (var (originator, sequence) in pairs)
        {
            if (originators.Count > 0 && originators[^1] == originator)
            {
                sequences[^1] = Math.Max(sequences[^1], sequence);
            }
            else
            {
                originators.Add(originator);
                sequences.Add(sequence);
            }
        }

        return new VectorClock([.. originators], [.. sequences]);
    }

    /// <summary>Builds a clock from (originator, sequence) pairs.</summary>
    public static VectorClock Of(params (uint Originator, ulong Sequence)[] entries) =>
        From(entries.Select(e => KeyValuePair.Create(e.Originator, e.Sequence)));

    /// <summary>This clock with <paramref name="originator"/> advanced to at least <paramref name="sequence"/>.</summary>
    public VectorClock Advance(uint originator, ulong sequence)
    {
        if (sequence <= this[originator])
        {
            return this;
        }

        var index = Array.BinarySearch(_originators, originator);
        if (index >= 0)
        {
            var sequences = (ulong[])_sequences.Clone();
            sequences[index] = sequence;
            return new VectorClock(_originators, sequences);
        }

        var insertAt = ~index;
        var newOriginators = new uint[_originators.Length + 1];
        var newSequences = new ulong[_sequences.Length + 1];
        Array.Copy(_originators, newOriginators, insertAt);
        Array.Copy(_sequences, newSequences, insertAt);
        newOriginators[insertAt] = originator;
        newSequences[insertAt] = sequence;
        Array.Copy(_originators, insertAt, newOriginators, insertAt + 1, _originators.Length - insertAt);
        Array.Copy(_sequences, insertAt, newSequences, insertAt + 1, _sequences.Length - insertAt);
        return new VectorClock(newOriginators, newSequences);
    }

    /// <summary>Pointwise maximum (the least upper bound).</summary>
    public VectorClock Merge(VectorClock other)
    {
        if (other.IsEmpty || ReferenceEquals(this, other))
        {
            return this;
        }

        if (IsEmpty)
        {
            return other;
        }

        var originators = new List<uint>(_originators.Length + other._originators.Length);
        var sequences = new List<ulong>(originators.Capacity);
        int i = 0, j = 0;
        while (i < _originators.Length || j < other._originators.Length)
        {
            if (j == other._originators.Length || (i < _originators.Length && _originators[i] < other._originators[j]))
            {
                originators.Add(_originators[i]);
                sequences.Add(_sequences[i++]);
            }
            else if (i == _originators.Length || other._originators[j] < _originators[i])
            {
                originators.Add(other._originators[j]);
                sequences.Add(other._sequences[j++]);
            }
            else
            {
                originators.Add(_originators[i]);
                sequences.Add(Math.Max(_sequences[i++], other._sequences[j++]));
            }
        }

        return new VectorClock([.. originators], [.. sequences]);
    }

    /// <summary>
    /// True when every entry of <paramref name="other"/> is ≤ the matching entry here (missing = 0):
    /// the causal-delivery test of spec §5.5.
    /// </summary>
    public bool Dominates(VectorClock other)
    {
        for (var j = 0; j < other._originators.Length; j++)
        {
            if (this[other._originators[j]] < other._sequences[j])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The partial order between this clock (left) and <paramref name="other"/> (right).</summary>
    public CausalRelation Compare(VectorClock other)
    {
        var thisDominates = Dominates(other);
        var otherDominates = other.Dominates(this);
        return (thisDominates, otherDominates) switch
        {
            (true, true) => CausalRelation.Equal,
            (true, false) => CausalRelation.After,
            (false, true) => CausalRelation.Before,
            _ => CausalRelation.Concurrent,
        };
    }

    /// <summary>Only the entries whose originator satisfies <paramref name="keep"/>.</summary>
    public VectorClock Where(Func<uint, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        var originators = new List<uint>(_originators.Length);
        var sequences = new List<ulong>(_originators.Length);
        for (var i = 0; i < _originators.Length; i++)
        {
            if (keep(_originators[i]))
            {
                originators.Add(_originators[i]);
                sequences.Add(_sequences[i]);
            }
        }

        return originators.Count == _originators.Length ? this
            : originators.Count == 0 ? Empty
            : new VectorClock([.. originators], [.. sequences]);
    }

    /// <inheritdoc />
    public bool Equals(VectorClock? other) =>
        other is not null && _originators.AsSpan().SequenceEqual(other._originators) && _sequences.AsSpan().SequenceEqual(other._sequences);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as VectorClock);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        for (var i = 0; i < _originators.Length; i++)
        {
            hash.Add(_originators[i]);
            hash.Add(_sequences[i]);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<uint, ulong>> GetEnumerator()
    {
        for (var i = 0; i < _originators.Length; i++)
        {
            yield return KeyValuePair.Create(_originators[i], _sequences[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Canonical text form, e.g. <c>{0:4, 100:17}</c>; used in the journal.</summary>
    public override string ToString() => _text ??= Format();

    private string Format()
    {
        var text = new StringBuilder("{");
        for (var i = 0; i < _originators.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(_originators[i]).Append(':').Append(_sequences[i]);
        }

        return text.Append('}').ToString();
    }
}
