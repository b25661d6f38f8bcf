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
    public void Bytes_the_writer_has_not_written_yet_read_back_from_its_buffers_and_then_from_disk()
    {
        var written = 0L;
        using var writer = new HeldWriter((handle, bytes, offset) =>
        {
            RandomAccess.Write(handle, bytes, offset);
            Interlocked.Add(ref written, bytes.Length);
        });
        var file = writer.File(bufferBytes: 64);

        // Seven full buffers wait for the held writer (the limit is eight) and half of one is being filled, so every
        // byte comes from memory.
        var random = new Random(11);
        var appended = new List<(long Offset, byte[] Bytes)>();
        for (var i = 0; i < 7 * 4 + 2; i++)
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            appended.Add((file.Append(bytes), bytes));
        }

        Assert.Equal(0, Interlocked.Read(ref written));
        var all = ReadBack(file, 0, (int)file.Length);
        Assert.Equal(appended.SelectMany(a => a.Bytes), all);
        for (var start = 0; start < all.Length; start += 7)
        {
            var length = Math.Min(all.Length - start, 1 + random.Next(150)); // across buffers
            Assert.Equal(all.AsSpan(start, length).ToArray(), ReadBack(file, start, length));
        }

        // Once written, the same bytes come from disk, and ranges across disk and buffer read as one.
        writer.Release();
        Assert.True(SpinWait.SpinUntil(() => Interlocked.Read(ref written) == 7 * 64, TimeSpan.FromSeconds(30)));
        Assert.Equal(all, ReadBack(file, 0, all.Length));
        Assert.Equal(all.AsSpan(7 * 64 - 5, 20).ToArray(), ReadBack(file, 7 * 64 - 5, 20));
    }

    [Fact]
    public async Task An_append_waits_while_the_writer_is_the_limit_behind()
    {
        using var writer = new HeldWriter(RandomAccess.Write);
        var file = writer.File(bufferBytes: 16);

        // Two appends of 8 bytes fill a buffer; the next append hands it over. The writer holds the first.
        for (var i = 0; i < 2 * (ScratchFile.MaxWaitingBuffers + 1); i++)
        {
            file.Append(new byte[8]);
        }

        var blocked = Task.Run(() => file.Append(new byte[8])); // would make a ninth waiting buffer
        Assert.NotSame(blocked, await Task.WhenAny(blocked, Task.Delay(200)));
        writer.Release();
        Assert.Equal(16 * (ScratchFile.MaxWaitingBuffers + 1), await blocked.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void A_failed_write_fails_the_next_append_with_the_file_named_and_keeps_the_bytes_readable()
    {
        using var file = new ScratchFile("scratch-test", null, bufferBytes: 16, (_, _, _) => throw new IOException("No space left on device"));
        file.Append(Enumerable.Range(0, 10).Select(i => (byte)i).ToArray());
        file.Append(new byte[10]); // hands the first buffer to the writer, which fails

        var error = Assert.Throws<IOException>(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                file.Append([1]);
                Thread.Sleep(1);
            }
        });
        Assert.Contains("scratch-test", error.Message, StringComparison.Ordinal);
        Assert.Contains("No space left on device", error.Message, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (byte)i), ReadBack(file, 0, 10));
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

    /// <summary>
    /// A scratch file whose writer waits until released. It owns the file: a failing test may leave the writer
    /// held, and the file's <see cref="ScratchFile.Dispose"/> waits for its writer, so the writer is released first.
    /// </summary>
    private sealed class HeldWriter(ScratchFile.BlockWriter write) : IDisposable
    {
        private readonly ManualResetEventSlim _released = new(false);
        private ScratchFile? _file;

        public ScratchFile File(int bufferBytes) =>
            _file = new ScratchFile("scratch-test", null, bufferBytes, (handle, bytes, offset) =>
            {
                _released.Wait();
                write(handle, bytes, offset);
            });

        public void Release() => _released.Set();

        public void Dispose()
        {
            Release();
            _file?.Dispose();
            _released.Dispose();
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
