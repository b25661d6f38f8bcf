using System.Collections;
using System.Diagnostics.CodeAnalysis;
using XmtpSim.Protocol.Cursors;
using XmtpSim.Protocol.Storage;

namespace XmtpSim.Protocol.Envelopes;

/// <summary>
/// aad.depends_on as a small read-only map, originator → sequence ID, in wire order. One array instead of a
/// dictionary: an envelope depends on a handful of originators at most, and a node stores millions of
/// envelopes. Envelopes without depends_on share <see cref="Empty"/>.
/// <para>
/// Nearly every group message depends on one entry, the group's latest commit, so the messages of one group
/// and epoch carry equal maps. <see cref="Of"/> hands out a recently made map again when a one-entry map is
/// equal to it, and the map builds its <see cref="Clock"/> once: a day's millions of stored envelopes share
/// a few tens of thousands of maps and clocks instead of holding six objects each. Sharing changes no value.
/// </para>
/// </summary>
public sealed class DependsOnDictionary : IReadOnlyDictionary<uint, ulong>
{
    // Recently made one-entry maps, by a hash of their entry. A slot is overwritten by the next map that lands
    // on it; a race between threads only loses a chance to share.
    private static readonly RecentSlots<DependsOnDictionary> Recent = new(maxBits: 18);

    private readonly KeyValuePair<uint, ulong>[] _entries;
    private VectorClock? _clock;

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

    /// <summary>The map as a vector clock (zero entries dropped, originators ascending), built once.</summary>
    public VectorClock Clock => _clock ??= VectorClock.From(this); // a race builds equal clocks

    /// <summary>
    /// The entries of <paramref name="source"/>, in its order; <see cref="Empty"/> when there are none, and a
    /// recently made equal map when there is one entry.
    /// </summary>
    public static DependsOnDictionary Of(IReadOnlyCollection<KeyValuePair<uint, ulong>>? source)
    {
        if (source is null || source.Count == 0)
        {
            return Empty;
        }

        if (source.Count > 1)
        {
            return new DependsOnDictionary([.. source]);
        }

        var entry = source.First();
        var slot = Slot(entry);
        if (Recent.Get(slot) is { } known && known._entries[0].Key == entry.Key && known._entries[0].Value == entry.Value)
        {
            return known;
        }

        var made = new DependsOnDictionary([entry]);
        Recent.Set(slot, made);
        return made;
    }

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

    // Fibonacci hashing: consecutive sequence ids (a day's commits are numbered 1, 2, 3, …) land in distinct slots.
    private static ulong Slot(KeyValuePair<uint, ulong> entry) =>
        (entry.Value ^ ((ulong)entry.Key << 40) ^ entry.Key) * 0x9E3779B97F4A7C15UL;
}
