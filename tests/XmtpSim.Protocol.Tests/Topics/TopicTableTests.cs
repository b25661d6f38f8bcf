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
            ref var slot = ref table.GetValueRefOrAddDefault(topic, out var exists);
            Assert.Equal(expected.ContainsKey(topic), exists);
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

        table.GetValueRefOrAddDefault(first, out _) = value;
        ref var again = ref table.GetValueRefOrAddDefault(second, out var exists);

        Assert.True(exists);
        Assert.Same(value, again);
        Assert.Same(value, table.GetValueOrDefault(second));
        Assert.Null(table.GetValueOrDefault(Topic.PayerReports(10)));
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void A_default_topic_cannot_be_a_key()
    {
        var table = new TopicTable<object>();

        Assert.Throws<ArgumentException>(() => table.GetValueRefOrAddDefault(default, out _));
        Assert.Null(table.GetValueOrDefault(default));
    }

    private static Topic GroupTopic(int i)
    {
        var id = new byte[16];
        BinaryPrimitives.WriteInt32LittleEndian(id, i);
        return Topic.GroupMessages(id);
    }
}
