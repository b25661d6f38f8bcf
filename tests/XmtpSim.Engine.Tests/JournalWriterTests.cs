using System.IO.Compression;
using System.Security.Cryptography;
using XmtpSim.Engine.Journal;

namespace XmtpSim.Engine.Tests;

public sealed class JournalWriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xmtpsim-journal-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(JournalMode.Full)]
    [InlineData(JournalMode.Compressed)]
    public void The_hash_covers_exactly_the_written_bytes_across_many_background_chunks(JournalMode mode)
    {
        var path = Path.Combine(_dir, mode == JournalMode.Full ? "j.ndjson" : "j.ndjson.gz");
        string hash;
        using (var journal = new JournalWriter(path, mode))
        {
            // About 5 MB of lines: several chunks go through the hashing thread.
            for (var i = 0; i < 60_000; i++)
            {
                journal.Append(new SendEvent(i * 1_000L, $"node-{i % 7}", $"client-{i}", "Hop", i % 4096, (i * 1_000L) + 50_000_000));
            }

            hash = journal.Finish();
            Assert.Equal(60_000, journal.Count);
        }

        var bytes = mode == JournalMode.Full ? File.ReadAllBytes(path) : Gunzip(path);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), hash);
        var lines = System.Text.Encoding.UTF8.GetString(bytes).Split('\n');
        Assert.Equal(60_001, lines.Length); // every line ends in a newline
        Assert.Equal("{\"t\":59999000,\"k\":\"send\",\"from\":\"node-2\",\"to\":\"client-59999\",\"msg\":\"Hop\",\"bytes\":2655,\"arrive\":109999000}", lines[^2]);
    }

    [Fact]
    public void Hash_only_gives_the_same_hash_as_a_written_journal()
    {
        var path = Path.Combine(_dir, "full.ndjson");
        string Write(JournalWriter journal)
        {
            for (var i = 0; i < 30_000; i++)
            {
                journal.Append(new DeliverEvent(i, "a", "b", "Hop"));
            }

            return journal.Finish();
        }

        using var full = new JournalWriter(path, JournalMode.Full);
        using var hashOnly = new JournalWriter();
        Assert.Equal(Write(full), Write(hashOnly));
    }

    [Fact]
    public void A_journal_disposed_without_finish_still_writes_every_line()
    {
        var path = Path.Combine(_dir, "aborted.ndjson");
        using (var journal = new JournalWriter(path, JournalMode.Full))
        {
            for (var i = 0; i < 20_000; i++)
            {
                journal.Append(new DeliverEvent(i, "a", "b", "Hop"));
            }
        }

        Assert.Equal(20_000, File.ReadAllLines(path).Length);
    }

    private static byte[] Gunzip(string path)
    {
        using var input = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
