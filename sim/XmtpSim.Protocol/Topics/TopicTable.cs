using System.Runtime.CompilerServices;

namespace XmtpSim.Protocol.Topics;

/// <summary>
/// A map from <see cref="Topic"/> to a reference, for the busiest tables of a node (rows and subscribers by topic).
/// Open addressing with linear probing over one array of (topic, value) entries: a lookup reads one entry (the topic
/// carries its hash, and shared topic arrays compare by reference), where a <see cref="Dictionary{TKey,TValue}"/>
/// reads a bucket and then an entry. On a day of 100,000 clients a node's table holds hundreds of thousands of
/// topics, and neither read is in the cache, so that is one miss less per stored envelope and per polled one.
/// Entries are never removed. Enumeration is not offered: nothing may depend on the order of slots, which follows
/// <see cref="HashCode"/>'s per-process seed.
/// </summary>
/// <typeparam name="TValue">The value type, a reference.</typeparam>
public sealed class TopicTable<TValue>
    where TValue : class
{
    private const int MinCapacity = 16;

    private Entry[] _entries;
    private int _mask;

    /// <summary>An empty table.</summary>
    public TopicTable()
    {
        _entries = new Entry[MinCapacity];
        _mask = MinCapacity - 1;
    }

    /// <summary>Topics in the table.</summary>
    public int Count { get; private set; }

    /// <summary>The value stored for <paramref name="topic"/>, or null when it has none.</summary>
    public TValue? GetValueOrDefault(Topic topic) => _entries[Probe(_entries, _mask, topic)].Value;

    /// <summary>The slot of <paramref name="topic"/>'s value, added (holding null) when absent.</summary>
    public ref TValue? GetValueRefOrAdd(Topic topic)
    {
        if (topic.IsDefault)
        {
            throw new ArgumentException("default(Topic) cannot key a table", nameof(topic));
        }

        if ((Count + 1) * 4 > _entries.Length * 3)
        {
            Grow();
        }

        ref var entry = ref _entries[Probe(_entries, _mask, topic)];
        if (entry.Topic.IsDefault)
        {
            entry.Topic = topic;
            Count++;
        }

        return ref entry.Value;
    }

    // The slot holding `topic`, or the empty slot where it would go (there is always one: the table is at most
    // three quarters full). An empty slot holds the default topic and a null value.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Probe(Entry[] entries, int mask, Topic topic)
    {
        var i = topic.GetHashCode() & mask;
        while (!entries[i].Topic.IsDefault && entries[i].Topic != topic)
        {
            i = (i + 1) & mask;
        }

        return i;
    }

    private void Grow()
    {
        var entries = new Entry[_entries.Length * 2];
        var mask = entries.Length - 1;
        foreach (var entry in _entries)
        {
            if (!entry.Topic.IsDefault)
            {
                entries[Probe(entries, mask, entry.Topic)] = entry; // topics are distinct: the probe ends at an empty slot
            }
        }

        _entries = entries;
        _mask = mask;
    }

    private struct Entry
    {
        public Topic Topic;
        public TValue? Value;
    }
}
