using XmtpSim.Protocol.Storage;

namespace XmtpSim.Protocol.Tests.Storage;

public sealed class ScratchFileTests
{
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
}
