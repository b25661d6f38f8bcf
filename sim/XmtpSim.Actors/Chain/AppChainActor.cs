using System.Buffers.Binary;
using Akka.Actor;
using Google.Protobuf;
using XmtpSim.Actors.Journal;
using XmtpSim.Actors.Messages;
using XmtpSim.Engine;
using XmtpSim.Engine.Hosting;
using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.Topics;

namespace XmtpSim.Actors.Chain;

/// <summary>
/// The XMTP app chain (L3) as spec §16 allows: one sequencer hosting <c>GroupMessageBroadcaster</c> (0) and
/// <c>IdentityUpdateBroadcaster</c> (1). Every <see cref="AppChainSettings.BlockTimeNanos"/> it seals a block from
/// its FIFO of pending transactions, each broadcaster pre-incrementing its own global sequence counter (first
/// event = 1), answers every submitter with a <see cref="ChainReceipt"/> once the block is sealed, and streams
/// blocks that carry logs to the indexers that asked with <see cref="IndexFrom"/> (backfill, then live push).
/// </summary>
/// <remarks>
/// <para>A transaction that can never succeed (unknown broadcaster, key of the wrong length, payload outside the
/// broadcaster's min/max, over <see cref="AppChainSettings.MaxTxBytes"/>, or needing more gas than a whole block)
/// is refused at once, as the gateway's gas estimation / <c>eth_sendRawTransaction</c> would be, with a failed
/// receipt and a <see cref="ChainRejectEvent"/>.</para>
/// <para>A block sealed at time T holds only transactions that arrived strictly before T, so an arrival at the
/// same instant as a seal never depends on the engine's tie-breaking; it waits for the next block.</para>
/// <para>Journal: one <see cref="ChainBlockEvent"/> per block with transactions, then one <see cref="ChainTxEvent"/>
/// per transaction. Empty blocks (most of the 345,600 a day at 250 ms) are not journaled.</para>
/// <para>Blocks with logs are kept for the whole run (durable history for late or reconnecting indexers), older ones
/// on disk when the <see cref="ChainBlockArchive"/> has a scratch file. The
/// engine's network does not keep per-link FIFO, so indexers order and de-duplicate by block number.</para>
/// </remarks>
public sealed class AppChainActor : SimActor
{
    /// <summary>Broadcaster id of <c>GroupMessageBroadcaster</c> (originator 0).</summary>
    public const uint GroupMessageBroadcaster = 0;

    /// <summary>Broadcaster id of <c>IdentityUpdateBroadcaster</c> (originator 1).</summary>
    public const uint IdentityUpdateBroadcaster = 1;

    /// <summary>Blocks per <see cref="ChainBlocks"/> message, like the xmtpd indexer's backfill page.</summary>
    public const int BackfillPageBlocks = 500;

    private const string BlockTimer = "block";

    private readonly ISimContext _sim;
    private readonly AppChainSettings _settings;
    private readonly Queue<PendingTransaction> _pending = new();
    private readonly ChainBlockArchive _blocks;
    private readonly SortedSet<ActorId> _subscribers = [];
    private readonly ulong[] _sequence = new ulong[2];
    private long _blockNumber;

    /// <summary>Use <see cref="Props"/>.</summary>
    public AppChainActor(ISimContext sim, AppChainSettings settings, ChainBlockArchive? blocks = null)
    {
        _sim = sim;
        _settings = settings;
        _blocks = blocks ?? new ChainBlockArchive();
    }

    /// <inheritdoc />
    protected override void OnMessage(object message)
    {
        switch (message)
        {
            case SubmitChainTransaction m:
                Submit(m);
                break;
            case IndexFrom m:
                Subscribe(m);
                break;
            case ConnectionLost lost:
                _subscribers.Remove(lost.Peer);
                break;
            case SealBlock:
                Seal();
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    /// <summary>Props for the app chain.</summary>
    /// <param name="sim">The engine context.</param>
    /// <param name="settings">Block time, gas and size limits.</param>
    /// <param name="blocks">Where sealed blocks are kept (default: all in memory).</param>
    public static Props Props(ISimContext sim, AppChainSettings settings, ChainBlockArchive? blocks = null)
    {
        settings.Validate();
        return SimProps.Of(() => new AppChainActor(sim, settings, blocks));
    }

    /// <summary>Key size a broadcaster expects: bytes16 group id, bytes32 inbox id; 0 for an unknown broadcaster.</summary>
    public static int KeyBytes(uint broadcaster) => broadcaster switch
    {
        GroupMessageBroadcaster => TopicKind.GroupMessagesV1.IdentifierSize(),
        IdentityUpdateBroadcaster => TopicKind.IdentityUpdatesV1.IdentifierSize(),
        _ => 0,
    };

    /// <summary>
    /// The transaction hash the chain assigns: keccak256(block number as uint64 BE ‖ index in block as uint32 BE ‖
    /// payload). Deterministic, 32 bytes, and unique per (block, index).
    /// </summary>
    public static ByteString TransactionHash(long block, int index, ReadOnlySpan<byte> payload)
    {
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteInt64BigEndian(header, block);
        BinaryPrimitives.WriteInt32BigEndian(header[8..], index);
        var hash = default(Keccak256);
        hash.Append(header);
        hash.Append(payload);
        return ByteString.CopyFrom(hash.Finish());
    }

    /// <summary>Journal form of a broadcaster key: the topic it lands on, <c>&lt;kind&gt;/&lt;hex&gt;</c>, even for a bad key.</summary>
    public static string TopicText(uint broadcaster, ByteString key) => broadcaster switch
    {
        GroupMessageBroadcaster => TopicKind.GroupMessagesV1.WireName(),
        IdentityUpdateBroadcaster => TopicKind.IdentityUpdatesV1.WireName(),
        _ => $"broadcaster-{broadcaster}",
    } + "/" + Convert.ToHexStringLower(key.Span);

    /// <inheritdoc />
    protected override void PreStart() => _sim.StartTimer(BlockTimer, _settings.BlockTimeNanos, SealBlock.Instance);

    private string? RejectionReason(SubmitChainTransaction tx, long gas)
    {
        var bytes = tx.Payload.Length;
        var keyBytes = KeyBytes(tx.Broadcaster);
        if (keyBytes == 0)
        {
            return $"unknown broadcaster {tx.Broadcaster}";
        }

        if (tx.Key.Length != keyBytes)
        {
            return $"key has {tx.Key.Length} bytes, broadcaster {tx.Broadcaster} expects {keyBytes}";
        }

        if (bytes < _settings.MinPayloadBytes)
        {
            return $"payload of {bytes} bytes is below the minimum {_settings.MinPayloadBytes}";
        }

        if (bytes > _settings.MaxPayloadBytes)
        {
            return $"payload of {bytes} bytes is above the maximum {_settings.MaxPayloadBytes}";
        }

        if (bytes > _settings.MaxTxBytes)
        {
            return $"transaction of {bytes} bytes is over max_tx_bytes {_settings.MaxTxBytes}";
        }

        return gas > _settings.GasLimitPerBlock ? $"needs {gas} gas, more than the block gas limit {_settings.GasLimitPerBlock}" : null;
    }

    private void Submit(SubmitChainTransaction tx)
    {
        var gas = ChainGas.ForPayload(tx.Payload.Length);
        var reason = RejectionReason(tx, gas);
        if (reason is not null)
        {
            _sim.Journal(new ChainRejectEvent(_sim.Now, TopicText(tx.Broadcaster, tx.Key), tx.Payload.Length, reason));
            _sim.Send(_sim.Sender, new ChainReceipt(tx.RequestId, false, 0, ByteString.Empty, 0, reason));
            return;
        }

        _pending.Enqueue(new PendingTransaction(tx, _sim.Sender, _sim.Now, gas));
    }

    private void Seal()
    {
        var now = _sim.Now;
        var number = ++_blockNumber;
        _sim.StartTimer(BlockTimer, _settings.BlockTimeNanos, SealBlock.Instance);

        var gasUsed = 0L;
        List<(PendingTransaction Tx, ChainLog Log)>? included = null;
        while (_pending.TryPeek(out var next) && next.ArrivedNs < now && gasUsed + next.Gas <= _settings.GasLimitPerBlock)
        {
            _pending.Dequeue();
            gasUsed += next.Gas;
            included ??= [];
            var tx = next.Transaction;
            var sequenceId = ++_sequence[tx.Broadcaster];
            var hash = TransactionHash(number, included.Count, tx.Payload.Span);
            included.Add((next, new ChainLog(tx.Broadcaster, sequenceId, tx.Key, tx.Payload, hash)));
        }

        if (included is null)
        {
            return;
        }

        var block = new ChainBlock(number, now, included.Select(i => i.Log).ToList());
        _blocks.Add(block);
        _blocks.WriteAged(now);
        _sim.Journal(new ChainBlockEvent(now, number, included.Count, gasUsed, _settings.GasLimitPerBlock, _pending.Count));
        foreach (var (pending, log) in included)
        {
            var tx = pending.Transaction;
            _sim.Journal(new ChainTxEvent(
                now, log.Broadcaster, log.SequenceId, TopicText(tx.Broadcaster, tx.Key), tx.Payload.Length, pending.Gas, number,
                Convert.ToHexStringLower(log.TxHash.Span), pending.ArrivedNs));
        }

        foreach (var (pending, log) in included)
        {
            _sim.Send(pending.Submitter, new ChainReceipt(pending.Transaction.RequestId, true, log.SequenceId, log.TxHash, number, null));
        }

        var push = new ChainBlocks([block]);
        foreach (var subscriber in _subscribers)
        {
            _sim.Send(subscriber, push);
        }
    }

    private void Subscribe(IndexFrom request)
    {
        var indexer = _sim.Sender;
        _sim.Connect(indexer);
        _subscribers.Add(indexer);

        var low = _blocks.FirstAtOrAfter(request.Block);

        // Always at least one reply, so the indexer knows it is subscribed (an empty page means "caught up").
        do
        {
            var count = Math.Min(BackfillPageBlocks, _blocks.Count - low);
            _sim.Send(indexer, new ChainBlocks(_blocks.GetRange(low, count)));
            low += count;
        }
        while (low < _blocks.Count);
    }

    private sealed record PendingTransaction(SubmitChainTransaction Transaction, ActorId Submitter, long ArrivedNs, long Gas);

    private sealed record SealBlock
    {
        public static SealBlock Instance { get; } = new();
    }
}
