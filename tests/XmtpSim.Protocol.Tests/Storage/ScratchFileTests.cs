using XmtpSim.Protocol.Storage;

namespace XmtpSim.Protocol.Tests.Storage;

public sealed class ScratchFileTests
{
    private const int MiB = 1 << 20;

    [Fact]
    public void Concurrent_appends_never_overlap_and_read_back_exactly()
    {
        using var file = new ScratchFile("scratch-test");
        var offsets = new long[400];
        Parallel.For(0, offsets.Length, i => offsets[i] = file.Append(Record(i)));

        Assert.Equal(Enumerable.Range(0, offsets.Length).Sum(i => (long)Record(i).Length), file.Length);
        for (var i = 0; i < offsets.Length; i++)
        {
            var back = new byte[Record(i).Length];
            file.Read(offsets[i], back);
            Assert.Equal(Record(i), back);
        }
    }

    [Fact]
    public void Every_append_reads_back_from_the_buffer_or_the_disk_whatever_its_size()
    {
        using var file = new ScratchFile("test");
        var random = new Random(7);
        var appended = new List<(long Offset, byte[] Bytes)>();

        // Small appends fill and flush the buffer many times; some are larger than the buffer itself.
        for (var i = 0; i < 600; i++)
        {
            var bytes = new byte[i % 100 == 99 ? MiB + random.Next(1, 1000) : random.Next(1, 20_000)];
            random.NextBytes(bytes);
            var offset = file.Append(bytes);
            Assert.Equal(appended.Count == 0 ? 0 : appended[^1].Offset + appended[^1].Bytes.Length, offset);
            appended.Add((offset, bytes));

            // The newest append (still buffered, or just flushed) and an early one (on disk) both read back.
            Assert.Equal(bytes, ReadBack(file, offset, bytes.Length));
            Assert.Equal(appended[0].Bytes, ReadBack(file, appended[0].Offset, appended[0].Bytes.Length));
        }

        foreach (var (offset, bytes) in appended)
        {
            Assert.Equal(bytes, ReadBack(file, offset, bytes.Length));
        }

        // A range across two appends, where one is on disk and the other buffered, reads as one.
        var (lastOffset, last) = appended[^1];
        var (previousOffset, previous) = appended[^2];
        Assert.Equal([.. previous[^10..], .. last[..10]], ReadBack(file, previousOffset + previous.Length - 10, 20));
        Assert.Equal(lastOffset + last.Length, file.Length);
    }

    [Fact]
    public void Reading_past_what_was_written_is_an_error_that_names_the_file()
    {
        using var file = new ScratchFile("scratch-test");
        file.Append([1, 2, 3]);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => file.Read(2, new byte[2]));
        Assert.Contains("scratch-test", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Leaves_nothing_in_its_directory()
    {
        var directory = Directory.CreateTempSubdirectory("xmtpsim-scratch-test-");
        try
        {
            using (var file = new ScratchFile("scratch-test", directory.FullName))
            {
                file.Append(new byte[4096]);
                if (!OperatingSystem.IsWindows())
                {
                    Assert.Empty(directory.GetFiles()); // unlinked while open: nothing left even if the process dies
                }
            }

            Assert.Empty(directory.GetFiles());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static byte[] Record(int i) => Enumerable.Range(0, 1 + (i % 37) * 13).Select(j => (byte)(i + j)).ToArray();

    private static byte[] ReadBack(ScratchFile file, long offset, int length)
    {
        var bytes = new byte[length];
        file.Read(offset, bytes);
        return bytes;
    }
}
