using XmtpSim.Checks.Evaluation;
using XmtpSim.Checks.Recording;
using XmtpSim.Protocol.Cursors;
using XmtpSim.Protocol.Storage;

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
    public void Apply_table_reads_back_every_field_and_keeps_an_envelope_s_shared_part_once()
    {
        var pool = new ChunkedList<EnvelopeId>();
        var table = new ApplyTable(pool);
        var envelope = new EnvelopeId(100, 7);
        Add(table, 10, client: 1, topic: 3, envelope, publishedNs: 4, sender: 9, readNode: 2, feePicodollars: 500, dependencyDropped: false, "{0:2, 100:6}");
        Add(table, 12, client: 5, topic: 3, envelope, publishedNs: 4, sender: 9, readNode: 8, feePicodollars: 500, dependencyDropped: true, "{0:2, 100:6}");

        Assert.Equal(2, table.Count);
        Assert.Equal(new ApplyRecord(10, 1, 3, envelope, 4, 9, 2, 500, false, 0, 2), table[0]);
        Assert.Equal(new ApplyRecord(12, 5, 3, envelope, 4, 9, 8, 500, true, 0, 2), table[1]);
        Assert.Equal([new EnvelopeId(0, 2), new EnvelopeId(100, 6)], pool); // depends_on stored once for both applies
        Assert.Equal(1, table.DependencyDroppedCount);
        Assert.Equal([table[0], table[1]], table);
    }

    [Fact]
    public void Apply_table_never_merges_applies_of_one_envelope_that_disagree()
    {
        var pool = new ChunkedList<EnvelopeId>();
        var table = new ApplyTable(pool);
        var envelope = new EnvelopeId(100, 7);
        Add(table, 10, 1, 3, envelope, 4, 9, 2, 500, false, "{100:6}");
        Add(table, 11, 2, 3, envelope, 4, 9, 2, 501, false, "{100:6}"); // another fee
        Add(table, 12, 3, 3, envelope, 4, 9, 2, 500, false, "{100:5}"); // another depends_on
        Add(table, 13, 4, 3, envelope, 4, 9, 2, 500, false, "{100:5}"); // same as the last: shares it

        Assert.Equal([500L, 501, 500, 500], table.Select(a => a.FeePicodollars));
        Assert.Equal(
            [new EnvelopeId(100, 6), new EnvelopeId(100, 6), new EnvelopeId(100, 5), new EnvelopeId(100, 5)],
            table.Select(a => pool[a.DependsOnStart]));
        Assert.Equal(3, pool.Count);
        Assert.Throws<FormatException>(() => Add(table, 14, 5, 3, envelope, 4, 9, 2, 500, false, "100:5"));
    }

    [Fact]
    public void Apply_table_remembers_two_generations_of_envelopes_and_keeps_their_shared_parts_in_memory()
    {
        using var spill = new ScratchFile("recorder");
        var pool = new ChunkedList<EnvelopeId>();
        var table = new ApplyTable(pool);
        table.SpillTo(spill);
        const int envelopes = 1_300_000; // almost five generations of 262,144
        for (uint i = 0; i < envelopes; i++)
        {
            Add(table, i, 1, 0, new EnvelopeId(100, i), 0, 0, 0, 0, false, $"{{0:{i}}}");
        }

        var spilledBefore = spill.Length;
        var recent = new EnvelopeId(100, envelopes - 300_000); // in the older generation: shares its part
        var late = new EnvelopeId(100, 5); // forgotten: gets a part of its own, with the same values
        Add(table, envelopes, 2, 0, recent, 0, 0, 0, 0, false, $"{{0:{envelopes - 300_000}}}");
        Add(table, envelopes + 1, 2, 0, late, 0, 0, 0, 0, false, "{0:5}");

        Assert.Equal(spilledBefore, spill.Length); // nothing read back and spilled again
        Assert.Equal(envelopes + 1, pool.Count); // the recent envelope's depends_on was matched, the late one's kept
        Assert.Equal(table[(int)recent.Sequence] with { TimeNs = envelopes, Client = 2 }, table[envelopes]);
        Assert.Equal(table[5] with { TimeNs = envelopes + 1, Client = 2, DependsOnStart = envelopes }, table[envelopes + 1]);
        Assert.True(pool.SpilledChunks > 0);
    }

    [Fact]
    public void Chunked_list_truncated_back_across_a_chunk_boundary_appends_where_it_reads()
    {
        var list = new ChunkedList<long>();
        for (long i = 0; i < 65_538; i++)
        {
            list.Add(i);
        }

        list.Truncate(65_536);
        list.Add(-1);
        list.Add(-2);
        list.Truncate(3);
        list.Add(-3);

        Assert.Equal([0L, 1, 2, -3], list);
        Assert.Equal(-3, list[3]);
    }

    [Fact]
    public void Apply_table_reads_the_right_depends_on_after_its_pool_crosses_a_chunk()
    {
        var pool = new ChunkedList<EnvelopeId>();
        var table = new ApplyTable(pool);
        for (uint i = 0; i < 70_000; i++)
        {
            // Every envelope is applied twice; the second apply's depends_on is appended, matched and dropped.
            var envelope = new EnvelopeId(100, i);
            Add(table, i, 1, 0, envelope, 0, 0, 0, 0, false, $"{{0:{i}}}");
            Add(table, i, 2, 0, envelope, 0, 0, 0, 0, false, $"{{0:{i}}}");
        }

        Assert.Equal(70_000, pool.Count);
        Assert.All(Enumerable.Range(0, table.Count), i =>
            Assert.Equal(new EnvelopeId(0, (ulong)(i / 2)), pool[table[i].DependsOnStart]));
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

    [Fact]
    public void Store_records_are_packed_and_read_back_what_they_were_given()
    {
        var record = new StoreRecord(12_345, 3, new EnvelopeId(200, 9_000_000_000), 7, StoreSource.Index, 12_000_100, true, 4);

        Assert.Equal(44, System.Runtime.CompilerServices.Unsafe.SizeOf<StoreRecord>());
        Assert.Equal(12_345, record.TimeNs);
        Assert.Equal(3, record.Node);
        Assert.Equal(new EnvelopeId(200, 9_000_000_000), record.Envelope);
        Assert.Equal(7, record.Topic);
        Assert.Equal(StoreSource.Index, record.Source);
        Assert.Equal(12_000_100, record.Fee);
        Assert.True(record.FeeMismatch);
        Assert.Equal(4, record.Digest);
        Assert.Equal(record, new StoreRecord(12_345, 3, new EnvelopeId(200, 9_000_000_000), 7, StoreSource.Index, 12_000_100, true, 4));
    }

    [Fact]
    public void A_spilling_list_moves_full_chunks_out_and_reads_them_back_on_access()
    {
        using var spill = new ScratchFile("recorder");
        var list = new ChunkedList<EnvelopeId>();
        list.SpillTo(spill);
        const int count = (40 << 16) + 123; // 40 full chunks and a partial one
        for (var i = 0; i < count; i++)
        {
            list.Add(new EnvelopeId((uint)(i % 7), (ulong)i));
        }

        Assert.Equal(32, list.SpilledChunks); // chunks 8..39: the first 8 stay, the one being filled stays
        Assert.Equal(32L * (1 << 16) * 16, spill.Length);
        Assert.Equal(new EnvelopeId(0, 35 << 16), list[35 << 16]);
        Assert.Equal(32, list.SpilledChunks); // read back into the read cache, not into the list
        var i2 = 0;
        foreach (var id in list)
        {
            Assert.Equal(new EnvelopeId((uint)(i2 % 7), (ulong)i2), id);
            i2++;
        }

        Assert.Equal(count, i2);
        Assert.Equal(32, list.SpilledChunks); // a full scan leaves the spilled chunks on disk
        Assert.Equal(new EnvelopeId((uint)((8 << 16) % 7), 8 << 16), list[8 << 16]); // a chunk the scan evicted from the cache
        Assert.Equal(32L * (1 << 16) * 16, spill.Length); // reads write nothing
    }

    [Fact]
    public async Task Readers_of_a_spilled_list_read_it_on_two_threads_at_once()
    {
        using var spill = new ScratchFile("recorder");
        var list = new ChunkedList<long>();
        list.SpillTo(spill);
        const int count = (40 << 16) + 17; // 32 spilled chunks, each read back many times below
        for (long i = 0; i < count; i++)
        {
            list.Add(i * 3);
        }

        // One thread scans with the list's own indexer, the other strides backwards with a reader: with one cache
        // between them, a chunk read back for one would be overwritten under the other.
        var reader = list.OpenReader();
        Assert.Equal(count, reader.Count);
        using var start = new Barrier(2);
        var forward = Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            var wrong = 0;
            for (var round = 0; round < 12; round++)
            {
                for (var i = 0; i < count; i += 97)
                {
                    wrong += list[i] == i * 3L ? 0 : 1;
                }
            }

            return wrong;
        }, TaskCreationOptions.LongRunning);
        var backward = Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            var wrong = 0;
            for (var round = 0; round < 12; round++)
            {
                for (var i = count - 1; i >= 0; i -= 89)
                {
                    wrong += reader[i] == i * 3L ? 0 : 1;
                }
            }

            return wrong;
        }, TaskCreationOptions.LongRunning);
        Assert.Equal(0, await forward);
        Assert.Equal(0, await backward);
        Assert.Equal(32, list.SpilledChunks); // readers bring nothing back into the list
        Assert.Equal(Enumerable.Range(0, count).Select(i => i * 3L), reader);
    }

    [Fact]
    public void An_apply_table_reader_reads_back_every_apply_as_recorded()
    {
        using var spill = new ScratchFile("recorder");
        var table = new ApplyTable(new ChunkedList<EnvelopeId>());
        table.SpillTo(spill);
        const int count = 1_000_000; // rows in 15 full chunks: the last 7 spill
        for (var i = 0; i < count; i++)
        {
            // Three applies per envelope share its topic, publish time, fee and depends_on; every tenth envelope
            // depends on the one before.
            var e = i / 3;
            Add(table, 1_000L * i, i % 3, e % 11, new EnvelopeId(100, (ulong)e), 500L * e, 7, i % 2, 40 + e, i % 5 == 0,
                e % 10 == 0 && e > 0 ? "{100:" + (e - 1) + "}" : "{}");
        }

        var reader = table.OpenReader();
        Assert.Equal(count, reader.Count);
        var read = 0;
        foreach (var a in reader)
        {
            var e = read / 3;
            Assert.Equal(
                (1_000L * read, read % 3, e % 11, new EnvelopeId(100, (ulong)e), 500L * e, 7, read % 2, 40L + e, read % 5 == 0),
                (a.TimeNs, a.Client, a.Topic, a.Envelope, a.PublishedNs, a.Sender, a.ReadNode, a.FeePicodollars, a.DependencyDropped));
            Assert.Equal(e % 10 == 0 && e > 0 ? 1 : 0, a.DependsOnCount);
            read++;
        }

        Assert.Equal(count, read);
        Assert.Equal(table[765_432], reader[765_432]);
    }

    [Fact]
    public void A_spilling_list_keeps_its_recent_chunks_in_memory()
    {
        using var spill = new ScratchFile("recorder");
        var list = new ChunkedList<long>();
        list.SpillTo(spill, recentChunks: 9);
        for (long i = 0; i < (40L << 16) + 5; i++)
        {
            list.Add(i);
        }

        Assert.Equal(23, list.SpilledChunks); // chunks 8..30; the first 8, the last 9 full ones and the one being filled stay
        Assert.Equal(23L << 19, spill.Length);
        Assert.Equal(30L << 16, list[30 << 16]); // read back
        Assert.Equal(23, list.SpilledChunks);
    }

    [Fact]
    public void A_spilling_list_truncated_into_a_spilled_chunk_appends_where_it_reads()
    {
        using var spill = new ScratchFile("recorder");
        var list = new ChunkedList<long>();
        list.SpillTo(spill);
        for (var i = 0; i < 36 << 16; i++)
        {
            list.Add(i);
        }

        var cut = (33 << 16) + 5; // inside a spilled chunk
        Assert.Equal(cut, list[cut]); // now in the read cache: the append below must not read this stale copy
        Assert.Equal(35L << 16, list[35 << 16]); // a chunk the truncation drops, also cached
        list.Truncate(cut);
        list.Add(-1);
        list.Add(-2);
        Assert.Equal(cut + 2, list.Count);
        Assert.Equal(cut - 1, list[cut - 1]);
        Assert.Equal(-1, list[cut]);
        Assert.Equal(-2, list[cut + 1]);
        for (var i = cut + 2; i < 36 << 16; i++)
        {
            list.Add(-i); // chunks 34 and 35 again, new values
        }

        list.Add(0); // chunk 35 spills
        Assert.Equal(-(35L << 16), list[35 << 16]);
    }

    [Fact]
    public void Items_holding_references_cannot_be_spilled()
    {
        using var spill = new ScratchFile("recorder");
        Assert.Throws<NotSupportedException>(() => new ChunkedList<KeyValuePair<string, int>>().SpillTo(spill));
        Assert.Equal(0, spill.Length);
    }

    private static void Add(
        ApplyTable table, long timeNs, int client, int topic, EnvelopeId envelope, long publishedNs, int sender, int readNode, long feePicodollars,
        bool dependencyDropped, string dependsOn) =>
        table.Add(new ApplyRecord(timeNs, client, topic, envelope, publishedNs, sender, readNode, feePicodollars, dependencyDropped, 0, 0), dependsOn);
}
