using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace XmtpSim.Protocol.Envelopes;

/// <summary>
/// aad.depends_on as a small read-only map, originator → sequence ID, in wire order. One array instead of a
/// dictionary: an envelope depends on a handful of originators at most, and a node stores millions of
/// envelopes. Envelopes without depends_on share <see cref="Empty"/>.
/// </summary>
public sealed class DependsOnDictionary : IReadOnlyDictionary<uint, ulong>
{
    private readonly KeyValuePair<uint, ulong>[] _entries;

    private DependsOnDictionary(KeyValuePair<uint, ulong>[] entries) => _entries = entries;

    /// <summary>No dependencies.</summary>
    public static DependsOnDictionary Empty { get; } = new([]);

    /// <inheritdoc />
    public int Count => _entries.Length;

    /// <inheritdoc />
    public IEnumerable<uint> Keys => _entries.Select(e => e.Key);

    /// <inheritdoc />
    public IEnumerable<ulong> Values => _entries.Select(e => e.Value);

    /// <inheritdoc />
    public ulong this[uint key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no depends_on entry for originator {key}");

    /// <summary>The entries of <paramref name="source"/>, in its order; <see cref="Empty"/> when there are none.</summary>
    public static DependsOnDictionary Of(IReadOnlyCollection<KeyValuePair<uint, ulong>>? source) =>
        source is null || source.Count == 0 ? Empty : new DependsOnDictionary([.. source]);

    /// <inheritdoc />
    public bool ContainsKey(uint key) => TryGetValue(key, out _);

    /// <inheritdoc />
    public bool TryGetValue(uint key, [MaybeNullWhen(false)] out ulong value)
    {
        foreach (var entry in _entries)
        {
            if (entry.Key == key)
            {
                value = entry.Value;
                return true;
            }
        }

        value = 0;
        return false;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<uint, ulong>> GetEnumerator() => ((IEnumerable<KeyValuePair<uint, ulong>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
