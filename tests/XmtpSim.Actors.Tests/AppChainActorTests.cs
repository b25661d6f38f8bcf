using Google.Protobuf;
using XmtpSim.Actors.Chain;
using XmtpSim.Actors.Journal;
using XmtpSim.Actors.Messages;
using XmtpSim.Engine;
using XmtpSim.Engine.Journal;
using static XmtpSim.Actors.Tests.Harness;

namespace XmtpSim.Actors.Tests;

public sealed class AppChainActorTests
{
    private static readonly ByteString GroupId = ByteString.CopyFrom(Enumerable.Range(1, 16).Select(i => (byte)i).ToArray());
    private static readonly ByteString InboxId = ByteString.CopyFrom(Enumerable.Range(1, 32).Select(i => (byte)(i * 3)).ToArray());

    private static AppChainSettings Settings(long gasLimit = 32_000_000, int maxTxBytes = 131_072) =>
        new(250 * Ms, gasLimit, maxTxBytes);

    private static ByteString Payload(int bytes, byte fill = 0xAB) => ByteString.CopyFrom(Enumerable.Repeat(fill, bytes).ToArray());

    private static SubmitChainTransaction Group(long id, int bytes = 200) => new(id, AppChainActor.GroupMessageBroadcaster, GroupId, Payload(bytes, (byte)id));

    private static SubmitChainTransaction Identity(long id, int bytes = 200) => new(id, AppChainActor.IdentityUpdateBroadcaster, InboxId, Payload(bytes, (byte)id));

    private static (Harness H, ActorId Chain, ActorId Gateway) Start(AppChainSettings? settings = null)
    {
        var h = new Harness(latencyMs: 10);
        var chain = h.Engine.Register("appchain", sim => AppChainActor.Props(sim, settings ?? Settings()));
        var gateway = h.Probe("gateway");
        return (h, chain, gateway);
    }

    [Fact]
    public void Gas_fit_passes_exactly_through_both_xip49_table_points()
    {
        Assert.Equal(96_013, ChainGas.ForPayload(2_048));
        Assert.Equal(1_287_619, ChainGas.ForPayload(51_200));
        Assert.Equal(24.2433, ChainGas.SlopeGasPerByte, 4);
        Assert.Equal(46_362.75, ChainGas.InterceptGas, 6);
        Assert.Equal(46_363, ChainGas.ForPayload(0));
        Assert.True(ChainGas.ForPayload(1_000) < ChainGas.ForPayload(1_001));
    }

    [Fact]
    public void Blocks_are_sealed_every_block_time_and_only_non_empty_ones_are_journaled()
    {
        var (h, chain, gateway) = Start();
        using var _ = h;
        h.Send(gateway, chain, Group(1), 100);    // arrives 110 ms → block 1 at 250 ms
        h.Send(gateway, chain, Group(2), 1_000);  // arrives 1,010 ms → block 5 at 1,250 ms
        h.Send(gateway, chain, Group(3), 1_100);  // arrives 1,110 ms → block 5 too
        h.RunUntilMs(3_000);

        var blocks = h.Journal<ChainBlockEvent>().ToList();
        Assert.Equal([1L, 5L], blocks.Select(b => b.Block));
        Assert.Equal([250 * Ms, 1_250 * Ms], blocks.Select(b => b.TimeNs));
        Assert.Equal([1, 2], blocks.Select(b => b.Transactions));
        Assert.Equal([ChainGas.ForPayload(200), 2 * ChainGas.ForPayload(200)], blocks.Select(b => b.GasUsed));

        // The seal timer keeps running every 250 ms: the last instant processed is block 12's.
        Assert.Equal(3_000 * Ms, h.Engine.Now);
    }

    [Fact]
    public void Receipt_arrives_one_hop_after_the_next_block_seals()
    {
        var (h, chain, gateway) = Start();
        using var _ = h;
        h.Send(gateway, chain, Group(7), 100);
        h.RunUntilMs(1_000);

        var (time, receipt) = Assert.Single(h.Inbox<ChainReceipt>(gateway));
        Assert.Equal(260 * Ms, time);
        Assert.Equal(7, receipt.RequestId);
        Assert.True(receipt.Success);
        Assert.Null(receipt.Error);
        Assert.Equal(1UL, receipt.SequenceId);
        Assert.Equal(1, receipt.Block);
        Assert.Equal(AppChainActor.TransactionHash(1, 0, Payload(200, 7).Span), receipt.TxHash);
        Assert.Equal(32, receipt.TxHash.Length);

        var tx = Assert.Single(h.Journal<ChainTxEvent>());
        Assert.Equal(250 * Ms, tx.TimeNs);
        Assert.Equal(110 * Ms, tx.SubmittedNs);
        Assert.Equal(1, tx.Block);
        Assert.Equal(0U, tx.Originator);
        Assert.Equal("group_messages_v1/" + Convert.ToHexStringLower(GroupId.Span), tx.Topic);
        Assert.Equal(Convert.ToHexStringLower(receipt.TxHash.Span), tx.TxHash);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_transaction_arriving_at_the_seal_instant_waits_for_the_next_block_whatever_the_tie_break(bool gatewayFirst)
    {
        // Equal-time events run in (destination, source) order: registering the gateway first makes its message
        // reach the chain before the chain's own seal timer, the other way round after it. Same outcome either way.
        using var h = new Harness(latencyMs: 10);
        var gateway = gatewayFirst ? h.Probe("gateway") : default;
        var chain = h.Engine.Register("appchain", sim => AppChainActor.Props(sim, Settings()));
        gateway = gatewayFirst ? gateway : h.Probe("gateway");
        h.Send(gateway, chain, Group(1), 240); // arrives exactly at 250 ms
        h.RunUntilMs(1_000);

        var (time, receipt) = Assert.Single(h.Inbox<ChainReceipt>(gateway));
        Assert.Equal(2, receipt.Block);
        Assert.Equal(510 * Ms, time);
    }

    [Fact]
    public void Sequence_ids_are_one_global_counter_per_broadcaster_starting_at_1()
    {
        var (h, chain, gateway) = Start();
        using var _ = h;
        var other = h.Probe("gateway-2");
        h.Send(gateway, chain, Group(1), 0);
        h.Send(gateway, chain, Identity(2), 1);
        h.Send(other, chain, Group(3), 2);       // another submitter, another group: same counter
        h.Send(gateway, chain, Group(4), 300);   // next block
        h.Send(other, chain, Identity(5), 301);
        h.RunUntilMs(1_000);

        var receipts = h.Inbox<ChainReceipt>(gateway).Concat(h.Inbox<ChainReceipt>(other)).Select(r => r.Message).OrderBy(r => r.RequestId).ToList();
        Assert.Equal([1L, 2, 3, 4, 5], receipts.Select(r => r.RequestId));
        Assert.Equal([1UL, 1, 2, 3, 2], receipts.Select(r => r.SequenceId));
        Assert.Equal([1L, 1, 1, 2, 2], receipts.Select(r => r.Block));
        Assert.Equal([3L, 5], h.Inbox<ChainReceipt>(other).Select(r => r.Message.RequestId));
        Assert.Equal([0U, 1, 0, 0, 1], h.Journal<ChainTxEvent>().Select(t => t.Originator));
        Assert.Equal([1UL, 1, 2, 3, 2], h.Journal<ChainTxEvent>().Select(t => t.Sequence));
    }

    [Fact]
    public void Gas_limit_spills_transactions_to_the_next_block_in_fifo_order()
    {
        var perTx = ChainGas.ForPayload(2_048);
        var (h, chain, gateway) = Start(Settings(gasLimit: 3 * perTx));
        using var _ = h;
        for (var i = 1; i <= 7; i++)
        {
            h.Send(gateway, chain, Group(i, 2_048), 100 + i);
        }

        h.RunUntilMs(2_000);

        var blocks = h.Journal<ChainBlockEvent>().ToList();
        Assert.Equal([1L, 2, 3], blocks.Select(b => b.Block));
        Assert.Equal([3, 3, 1], blocks.Select(b => b.Transactions));
        Assert.Equal([3 * perTx, 3 * perTx, perTx], blocks.Select(b => b.GasUsed));
        Assert.Equal([4, 1, 0], blocks.Select(b => b.Pending));
        Assert.All(blocks, b => Assert.Equal(3 * perTx, b.GasLimit));

        var receipts = h.Inbox<ChainReceipt>(gateway).ToList();
        Assert.Equal([1L, 2, 3, 4, 5, 6, 7], receipts.Select(r => r.Message.RequestId));
        Assert.Equal([1L, 1, 1, 2, 2, 2, 3], receipts.Select(r => r.Message.Block));
        Assert.Equal([260 * Ms, 260 * Ms, 260 * Ms, 510 * Ms, 510 * Ms, 510 * Ms, 760 * Ms], receipts.Select(r => r.TimeNs));
    }

    [Theory]
    [InlineData(131_073, 131_072, 262_144, "over max_tx_bytes")]
    [InlineData(77, 131_072, 262_144, "below the minimum 78")]
    [InlineData(262_145, 400_000, 262_144, "above the maximum 262144")]
    public void Payloads_outside_the_size_bounds_are_rejected_at_once_with_a_journal_line(int bytes, int maxTx, int maxPayload, string reason)
    {
        var (h, chain, gateway) = Start(new AppChainSettings(250 * Ms, 100_000_000, maxTx, 78, maxPayload));
        using var _ = h;
        h.Send(gateway, chain, Group(9, bytes), 100);
        h.RunUntilMs(1_000);

        var reject = Assert.Single(h.Journal<ChainRejectEvent>());
        Assert.Equal(110 * Ms, reject.TimeNs);
        Assert.Equal(bytes, reject.Bytes);
        Assert.Contains(reason, reject.Reason, StringComparison.Ordinal);
        Assert.Equal("group_messages_v1/" + Convert.ToHexStringLower(GroupId.Span), reject.Topic);

        var (time, receipt) = Assert.Single(h.Inbox<ChainReceipt>(gateway));
        Assert.Equal(120 * Ms, time);
        Assert.False(receipt.Success);
        Assert.Equal(reject.Reason, receipt.Error);
        Assert.Equal(0UL, receipt.SequenceId);
        Assert.Empty(h.Journal<ChainTxEvent>());
        Assert.Empty(h.Journal<ChainBlockEvent>());
    }

    [Fact]
    public void Wrong_key_lengths_and_block_sized_transactions_are_rejected_and_do_not_consume_sequence_ids()
    {
        var (h, chain, gateway) = Start(Settings(gasLimit: ChainGas.ForPayload(1_000)));
        using var _ = h;
        h.Send(gateway, chain, new SubmitChainTransaction(1, AppChainActor.GroupMessageBroadcaster, InboxId, Payload(100)), 0);
        h.Send(gateway, chain, new SubmitChainTransaction(2, AppChainActor.IdentityUpdateBroadcaster, GroupId, Payload(100)), 0);
        h.Send(gateway, chain, new SubmitChainTransaction(3, 7, GroupId, Payload(100)), 0);
        h.Send(gateway, chain, Group(4, 1_001), 0);
        h.Send(gateway, chain, Group(5, 1_000), 0);
        h.RunUntilMs(1_000);

        var rejects = h.Journal<ChainRejectEvent>().ToList();
        Assert.Equal(4, rejects.Count);
        Assert.Contains("key has 32 bytes, broadcaster 0 expects 16", rejects[0].Reason, StringComparison.Ordinal);
        Assert.Contains("key has 16 bytes, broadcaster 1 expects 32", rejects[1].Reason, StringComparison.Ordinal);
        Assert.Contains("unknown broadcaster 7", rejects[2].Reason, StringComparison.Ordinal);
        Assert.Contains("more than the block gas limit", rejects[3].Reason, StringComparison.Ordinal);

        var ok = Assert.Single(h.Inbox<ChainReceipt>(gateway), r => r.Message.Success).Message;
        Assert.Equal(5, ok.RequestId);
        Assert.Equal(1UL, ok.SequenceId);
    }

    [Fact]
    public void Indexer_gets_a_backfill_from_block_n_then_every_new_block_live()
    {
        var (h, chain, gateway) = Start();
        using var _ = h;
        var indexer = h.Probe("node-100");
        h.Send(gateway, chain, Group(1), 100);   // block 1
        h.Send(gateway, chain, Group(2), 600);   // block 3
        h.Send(gateway, chain, Identity(3), 1_100); // block 5
        h.Send(indexer, chain, new IndexFrom(2), 2_000); // arrives 2,010, backfill arrives 2,020
        h.Send(gateway, chain, Group(4), 2_100); // block 9 at 2,250, pushed, arrives 2,260
        h.RunUntilMs(3_000);

        var received = h.Inbox<ChainBlocks>(indexer).ToList();
        Assert.Equal(2, received.Count);
        Assert.Equal(2_020 * Ms, received[0].TimeNs);
        Assert.Equal([3L, 5], received[0].Message.Blocks.Select(b => b.Number));
        Assert.Equal([750 * Ms, 1_250 * Ms], received[0].Message.Blocks.Select(b => b.TimeNs));
        Assert.Equal(2_260 * Ms, received[1].TimeNs);
        var live = Assert.Single(received[1].Message.Blocks);
        Assert.Equal(9, live.Number);
        var log = Assert.Single(live.Logs);
        Assert.Equal(AppChainActor.GroupMessageBroadcaster, log.Broadcaster);
        Assert.Equal(3UL, log.SequenceId);
        Assert.Equal(GroupId, log.Key);
        Assert.Equal(Payload(200, 4), log.Payload);

        var identity = Assert.Single(received[0].Message.Blocks[1].Logs);
        Assert.Equal(AppChainActor.IdentityUpdateBroadcaster, identity.Broadcaster);
        Assert.Equal(1UL, identity.SequenceId);
        Assert.Equal(InboxId, identity.Key);
    }

    [Fact]
    public void Indexer_subscribing_before_any_block_gets_an_empty_page_then_live_blocks()
    {
        var (h, chain, gateway) = Start();
        using var _ = h;
        var indexer = h.Probe("node-100");
        h.Send(indexer, chain, new IndexFrom(0), 0);
        h.Send(gateway, chain, Group(1), 300);
        h.RunUntilMs(1_000);

        var received = h.Inbox<ChainBlocks>(indexer).ToList();
        Assert.Equal([20 * Ms, 510 * Ms], received.Select(r => r.TimeNs));
        Assert.Empty(received[0].Message.Blocks);
        Assert.Equal(2, Assert.Single(received[1].Message.Blocks).Number);
    }

    [Fact]
    public void Backfill_is_paged_at_500_blocks_per_message()
    {
        var (h, chain, gateway) = Start();
        using var _ = h;
        var indexer = h.Probe("node-100");
        for (var i = 0; i < 501; i++)
        {
            h.Send(gateway, chain, Group(i, 100), (i * 250) + 100); // one transaction in each of blocks 1..501
        }

        h.Send(indexer, chain, new IndexFrom(1), 200_000);
        h.RunUntilMs(200_100);

        var pages = h.Inbox<ChainBlocks>(indexer).Select(r => r.Message).ToList();
        Assert.Equal([500, 1], pages.Select(p => p.Blocks.Count));
        Assert.Equal(Enumerable.Range(1, 501).Select(n => (long)n), pages.SelectMany(p => p.Blocks).Select(b => b.Number));
    }

    [Fact]
    public void A_lost_indexer_connection_drops_the_subscriber()
    {
        var (h, chain, gateway) = Start();
        using var _ = h;
        var indexer = h.Probe("node-100");
        h.Send(indexer, chain, new IndexFrom(0), 0);
        h.Send(gateway, chain, Group(1), 100);                          // block 1, pushed
        h.Engine.Schedule(new EngineCommand.Crash(indexer), 300 * Ms);  // chain sees ConnectionLost ~10 ms later
        h.Engine.Schedule(new EngineCommand.Restart(indexer), 400 * Ms);
        h.Send(gateway, chain, Group(2), 600);                          // block 3: nobody subscribed any more
        h.RunUntilMs(1_000);

        var pushes = h.Journal<SendEvent>().Where(s => s.From == "appchain" && s.To == "node-100").ToList();
        Assert.Equal([10 * Ms, 250 * Ms], pushes.Select(p => p.TimeNs));
        Assert.Equal(3, h.Journal<ChainBlockEvent>().Last().Block);
    }

    [Fact]
    public void Same_inputs_give_the_same_journal_hash()
    {
        static string Run()
        {
            var (h, chain, gateway) = Start();
            using var _ = h;
            var indexer = h.Probe("node-100");
            h.Send(indexer, chain, new IndexFrom(0), 0);
            for (var i = 0; i < 20; i++)
            {
                h.Send(gateway, chain, i % 3 == 0 ? Identity(i) : Group(i, 100 + (i * 50)), i * 37);
            }

            h.RunUntilMs(2_000);
            return h.Hash();
        }

        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void Invalid_settings_are_refused_when_props_are_built()
    {
        using var h = new Harness();
        h.Engine.Register("appchain", sim => AppChainActor.Props(sim, new AppChainSettings(0, 1, 1)));
        Assert.Throws<ArgumentException>(() => h.Engine.Start());
    }
}
