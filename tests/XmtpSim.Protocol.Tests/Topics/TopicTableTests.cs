using System.Buffers.Binary;
using XmtpSim.Protocol.Topics;

namespace XmtpSim.Protocol.Tests.Topics;

public sealed class TopicTableTests
{
    [Fact]
    public void Agrees_with_a_dictionary_through_growth_and_probing()
    {
        var table = new TopicTable<string>();
        var expected = new Dictionary<Topic, string>();
        var random = new Random(7);
        for (var i = 0; i < 5_000; i++)
        {
            // Half the keys are new, half repeat an earlier one: a repeat must find its slot, not add another.
            var topic = random.Next(2) == 0 || expected.Count == 0 ? GroupTopic(i) : GroupTopic(random.Next(i));
            ref var slot = ref table.GetValueRefOrAdd(topic);
            Assert.Equal(expected.ContainsKey(topic), slot is not null); // every stored value is non-null
            slot = (slot ?? string.Empty) + "x";
            expected[topic] = (expected.GetValueOrDefault(topic) ?? string.Empty) + "x";
        }

        Assert.Equal(expected.Count, table.Count);
        foreach (var (topic, value) in expected)
        {
            Assert.Equal(value, table.GetValueOrDefault(topic));
        }

        for (var i = 5_000; i < 6_000; i++)
        {
            Assert.Null(table.GetValueOrDefault(GroupTopic(i)));
        }
    }

    [Fact]
    public void Equal_topics_in_different_arrays_share_one_entry()
    {
        // Node topics are built without the sharing cache: two calls give two arrays with the same bytes.
        var first = Topic.PayerReports(9);
        var second = Topic.PayerReports(9);
        var table = new TopicTable<object>();
        var value = new object();

        table.GetValueRefOrAdd(first) = value;
        ref var again = ref table.GetValueRefOrAdd(second);

        Assert.Same(value, again);
        Assert.Same(value, table.GetValueOrDefault(second));
        Assert.Null(table.GetValueOrDefault(Topic.PayerReports(10)));
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void Distinct_topics_with_the_same_hash_keep_separate_entries()
    {
        // The hash is seeded per process, so the colliding pair is found, not written down: among 400,000 random topics
        // about 18 pairs share a 32-bit hash (the chance of none is below one in 10⁸). Random ids, not a counter: ids
        // differing in one 32-bit word never collide, as the hash mixes one word bijectively.
        var random = new Random(5);
        var byHash = new Dictionary<int, Topic>();
        (Topic First, Topic Second)? pair = null;
        for (var i = 0; pair is null; i++)
        {
            Assert.True(i < 400_000, "no two of 400,000 topics share a hash");
            var id = new byte[16];
            random.NextBytes(id);
            var topic = Topic.GroupMessages(id);
            if (byHash.TryGetValue(topic.GetHashCode(), out var earlier))
            {
                pair = (earlier, topic);
            }
            else
            {
                byHash.Add(topic.GetHashCode(), topic);
            }
        }

        var (first, second) = pair.Value;
        var table = new TopicTable<string>();
        table.GetValueRefOrAdd(first) = "first";

        Assert.Null(table.GetValueOrDefault(second));
        table.GetValueRefOrAdd(second) = "second";
        Assert.Equal("first", table.GetValueOrDefault(first));
        Assert.Equal("second", table.GetValueOrDefault(second));
        Assert.Equal(2, table.Count);
    }

    [Fact]
    public void A_default_topic_cannot_be_a_key()
    {
        var table = new TopicTable<object>();

        Assert.Throws<ArgumentException>(() => table.GetValueRefOrAdd(default));
        Assert.Null(table.GetValueOrDefault(default));
    }

    private static Topic GroupTopic(int i)
    {
        var id = new byte[16];
        BinaryPrimitives.WriteInt32LittleEndian(id, i);
        return Topic.GroupMessages(id);
    }
}
