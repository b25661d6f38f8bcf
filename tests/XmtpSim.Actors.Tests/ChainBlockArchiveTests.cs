using Google.Protobuf;
using XmtpSim.Actors.Chain;
using XmtpSim.Actors.Messages;
using XmtpSim.Protocol.Storage;

namespace XmtpSim.Actors.Tests;

public sealed class ChainBlockArchiveTests
{
    private const long Second = 1_000_000_000;

    private static ChainBlock Block(long number, long timeNs, int logs) => new(number, timeNs, [.. Enumerable.Range(0, logs).Select(i =>
        new ChainLog((uint)(i % 2), (ulong)((number * 10) + i), ByteString.CopyFrom(new byte[16 + (16 * (i % 2))]), ByteString.CopyFrom([.. Enumerable.Range(0, 100 + i).Select(b => (byte)(b + number))]), ByteString.CopyFrom(BitConverter.GetBytes(number * 31 + i))))]);

    private static void AssertSame(ChainBlock expected, ChainBlock actual)
    {
        Assert.Equal(expected.Number, actual.Number);
        Assert.Equal(expected.TimeNs, actual.TimeNs);
        Assert.Equal(expected.Logs.Count, actual.Logs.Count);
        for (var i = 0; i < expected.Logs.Count; i++)
        {
            Assert.Equal(expected.Logs[i], actual.Logs[i]); // record equality: ByteStrings compare by content
        }
    }

    [Fact]
    public void Blocks_older_than_the_window_go_to_the_file_and_read_back_equal()
    {
        using var file = new ScratchFile("chain-test");
        var archive = new ChainBlockArchive(new ColdStorage(file, 60 * Second));
        var blocks = new[] { Block(3, 10 * Second, 2), Block(7, 50 * Second, 0), Block(8, 80 * Second, 3), Block(12, 200 * Second, 1) };
        foreach (var block in blocks)
        {
            archive.Add(block);
            archive.WriteAged(block.TimeNs);
        }

        Assert.Equal(3, archive.Written); // sealed at 10, 50 and 80 s: at least 60 s before 200 s
        Assert.True(file.Length > 0);
        for (var i = 0; i < blocks.Length; i++)
        {
            AssertSame(blocks[i], archive[i]);
        }

        Assert.Same(blocks[3], archive[3]); // still in memory
        Assert.Equal(0, archive.FirstAtOrAfter(1));
        Assert.Equal(1, archive.FirstAtOrAfter(4));
        Assert.Equal(2, archive.FirstAtOrAfter(8));
        Assert.Equal(4, archive.FirstAtOrAfter(13));
        Assert.Equal([8L, 12L], archive.GetRange(2, 2).Select(b => b.Number));
        Assert.Throws<ArgumentException>(() => archive.Add(Block(12, 210 * Second, 1)));
    }

    [Fact]
    public void Without_a_file_every_block_stays_in_memory()
    {
        var archive = new ChainBlockArchive();
        var block = Block(1, 0, 2);
        archive.Add(block);
        archive.WriteAged(long.MaxValue);

        Assert.Equal(0, archive.Written);
        Assert.Same(block, archive[0]);
    }
}
