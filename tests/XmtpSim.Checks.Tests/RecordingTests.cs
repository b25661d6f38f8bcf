using XmtpSim.Checks.Evaluation;
using XmtpSim.Checks.Recording;
using XmtpSim.Protocol.Cursors;

namespace XmtpSim.Checks.Tests;

public sealed class RecordingTests
{
    [Fact]
    public void Depends_on_text_reads_the_canonical_clock()
    {
        Assert.Empty(DependsOnText.Entries("{}"));
        Assert.Equal([new EnvelopeId(0, 4), new EnvelopeId(100, 17)], DependsOnText.Entries("{0:4, 100:17}"));
        Assert.Equal(4UL, DependsOnText.CommitOf("{0:4, 100:17}"));
        Assert.Equal(0UL, DependsOnText.CommitOf("{100:17}"));
        Assert.Throws<FormatException>(() => DependsOnText.Entries("0:4"));
        Assert.Throws<FormatException>(() => DependsOnText.Entries("{0-4}"));
    }

    [Fact]
    public void Chunked_list_keeps_order_across_chunks()
    {
        var list = new ChunkedList<long>();
        for (long i = 0; i < 200_000; i++)
        {
            list.Add(i * 3);
        }

        Assert.Equal(200_000, list.Count);
        Assert.Equal(0, list[0]);
        Assert.Equal(65_536 * 3, list[65_536]);
        Assert.Equal(199_999 * 3, list[199_999]);
        Assert.Equal(Enumerable.Range(0, 200_000).Select(i => i * 3L), list);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[200_000]);
    }

    [Fact]
    public void Percentiles_use_the_nearest_rank()
    {
        long[] values = [.. Enumerable.Range(1, 100).Select(i => (long)i)];

        Assert.Equal(50, Percentiles.NearestRank(values, 50));
        Assert.Equal(99, Percentiles.NearestRank(values, 99));
        Assert.Equal(100, Percentiles.NearestRank(values, 100));
        Assert.Equal(1, Percentiles.NearestRank(values, 0));
        Assert.Equal(7, Percentiles.NearestRank([7], 99));
        Assert.Equal(0, Percentiles.NearestRank([], 99));
    }

    [Fact]
    public void Recorder_interns_strings_and_counts_wire_traffic_without_keeping_it()
    {
        var history = Histories.Record(Histories.Good());

        Assert.Equal(1, history.Topics.Count);
        Assert.Equal([100u, 200u, 300u], history.NodeIds);
        Assert.Equal(1, history.Messages["PublishRequest"].Sent);
        Assert.Equal(1, history.Messages["PublishRequest"].Delivered);
        Assert.Equal(1, history.Messages["ReplicationBatch"].Dropped);
        Assert.Equal([1L], history.SentPerMinute);
        Assert.Equal(1, history.EventsByKind["send"]);
        Assert.Equal(2_300_000_000, history.EndNs);
    }
}
