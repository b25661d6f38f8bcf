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

    [Fact]
    public void One_merge_larger_than_a_batch_keeps_its_bytes_and_its_observation_order()
    {
        // 20,000 lines recorded by one actor in one instant: more than a batch, handed off as one group.
        var a = JournalName.Of("a");
        var b = JournalName.Of("b");
        var hop = JournalName.Of("Hop");
        using var recorded = new JournalWriter();
        using var appended = new JournalWriter();
        var seen = new List<string>();
        recorded.SubscribeInBackground(e => seen.Add("event " + e.TimeNs), n => seen.Add(n.Kind + " " + n.TimeNs));
        using var lines = new JournalLines(new JournalLinesPool());
        for (var i = 0; i < 10_000; i++)
        {
            lines.AddSend(i, a, b, hop, 100, i + 50);
            lines.Add(new FaultEvent(i, "note", "x"));
            appended.Append(new SendEvent(i, "a", "b", "Hop", 100, i + 50));
            appended.Append(new FaultEvent(i, "note", "x"));
        }

        recorded.AppendLines(lines);
        recorded.Append(new FaultEvent(10_000, "note", "last"));
        appended.Append(new FaultEvent(10_000, "note", "last"));

        Assert.Equal(appended.Finish(), recorded.Finish());
        Assert.Equal(20_001, seen.Count);
        // Within the merge its events come first, then its network lines; the later append follows it.
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => "event " + i), seen.Take(10_000));
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => "send " + i), seen.Skip(10_000).Take(10_000));
        Assert.Equal("event 10000", seen[^1]);
    }

    [Fact]
    public void A_background_observer_that_throws_fails_the_journal()
    {
        using var journal = new JournalWriter();
        journal.SubscribeInBackground(e => throw new FormatException("bad record at " + e.TimeNs), _ => { });

        // The failure surfaces at the first hand-off after the journal's thread failed, or at Finish: which one
        // depends on how far that thread got, so the test accepts either (and asserts it is the first record's).
        var error = Record.Exception(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                journal.Append(new FaultEvent(i, "note", "x"));
            }

            journal.Finish();
        });

        var failure = Assert.IsType<InvalidOperationException>(error);
        Assert.Contains("bad record at 0", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_journal_whose_thread_failed_disposes_quietly_so_the_first_error_is_the_one_reported()
    {
        var journal = new JournalWriter();
        journal.SubscribeInBackground(e => throw new FormatException("bad record"), _ => { });
        var appended = 0;
        var error = Record.Exception(() =>
        {
            for (; appended < 100_000; appended++)
            {
                journal.Append(new FaultEvent(appended, "note", "x"));
            }
        });

        Assert.IsType<InvalidOperationException>(error); // surfaced by a later hand-off, as the run's failure
        Assert.True(appended < 100_000);
        journal.Dispose(); // what is left is not handed to a failed thread, and nothing is thrown over the error
    }

    private static byte[] Gunzip(string path)
    {
        using var input = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
