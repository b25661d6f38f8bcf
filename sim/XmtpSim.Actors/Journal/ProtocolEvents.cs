using System.Text.Json;
using XmtpSim.Engine.Journal;

namespace XmtpSim.Actors.Journal;

// The protocol's journal lines. Field order is part of the canonical format (the journal hash): append
// new fields at the end of a record, never reorder. Topics are written in their human-readable form
// (<kind name>/<hex identifier>), depends_on and cursors in VectorClock's canonical text.

/// <summary>A client handed an envelope to its gateway.</summary>
/// <param name="LocalId">The client's own id for the publish (unique per client).</param>
/// <param name="What">message | commit | welcome | key_package | identity_update.</param>
public sealed record ClientPublishEvent(long TimeNs, string Client, string Topic, long LocalId, string What, int Bytes, string DependsOn) : JournalEvent(TimeNs)
{
    /// <inheritdoc />
    public override string Kind => "publish";

    /// <inheritdoc />
    public override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("client"u8, Client);
        writer.WriteString("topic"u8, Topic);
        writer.WriteNumber("local"u8, LocalId);
        writer.WriteString("what"u8, What);
        writer.WriteNumber("bytes"u8, Bytes);
        writer.WriteString("deps"u8, DependsOn);
    }
}

/// <summary>The gateway answered a client's publish with the originator envelope: the envelope is acknowledged.</summary>
public sealed record ClientAckEvent(long TimeNs, string Client, long LocalId, uint Originator, ulong Sequence) : JournalEvent(TimeNs)
{
    /// <inheritdoc />
    public override string Kind => "ack";

    /// <inheritdoc />
    public override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("client"u8, Client);
        writer.WriteNumber("local"u8, LocalId);
        writer.WriteNumber("o"u8, Originator);
        writer.WriteNumber("s"u8, Sequence);
    }
}

/// <summary>A client's publish failed for good (every retry exhausted, or refused).</summary>
public sealed record ClientPublishFailedEvent(long TimeNs, string Client, long LocalId, string Reason) : JournalEvent(TimeNs)
{
    /// <inheritdoc />
    public override string Kind => "publish_failed";

    /// <inheritdoc />
    public override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("client"u8, Client);
        writer.WriteNumber("local"u8, LocalId);
        writer.WriteString("reason"u8, Reason);
    }
}

/// <summary>A client joined a group from a welcome: it expects every envelope of the topic that depends on at least this commit.</summary>
public sealed record ClientJoinEvent(long TimeNs, string Client, string Topic, ulong CommitSequence) : JournalEvent(TimeNs)
{
    /// <inheritdoc />
    public override string Kind => "join";

    /// <inheritdoc />
    public override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("client"u8, Client);
        writer.WriteString("topic"u8, Topic);
        writer.WriteNumber("commit"u8, CommitSequence);
    }
}

/// <summary>A client applied an envelope (causal delivery released it).</summary>
/// <param name="PublishedNs">Simulated time the sender published it (from the message content); -1 when unknown.</param>
/// <param name="DependencyDropped">True when applied only because the client gave up waiting for a dependency.</param>
public sealed record ClientApplyEvent(
    long TimeNs, string Client, string Topic, uint Originator, ulong Sequence, long PublishedNs, string Sender,
    string DependsOn, bool DependencyDropped, string ReadNode, long FeePicodollars) : JournalEvent(TimeNs)
{
    /// <inheritdoc />
    public override string Kind => "apply";

    /// <inheritdoc />
    public override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("client"u8, Client);
        writer.WriteString("topic"u8, Topic);
        writer.WriteNumber("o"u8, Originator);
        writer.WriteNumber("s"u8, Sequence);
        writer.WriteNumber("published"u8, PublishedNs);
        writer.WriteString("sender"u8, Sender);
        writer.WriteString("deps"u8, DependsOn);
        writer.WriteBoolean("dropped_dep"u8, DependencyDropped);
        writer.WriteString("node"u8, ReadNode);
        writer.WriteNumber("fee"u8, FeePicodollars);
    }
}

/// <summary>An originator accepted a payer envelope: assigned a sequence id, priced it, signed and stored it.</summary>
public sealed record NodeOriginateEvent(
    long TimeNs, string Node, uint Originator, ulong Sequence, string Topic, string Payer, long BaseFee, long CongestionFee,
    int CongestionUnits, int Bytes, string DependsOn) : JournalEvent(TimeNs)
{
    /// <inheritdoc />
    public override string Kind => "originate";

    /// <inheritdoc />
    public override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("node"u8, Node);
        writer.WriteNumber("o"u8, Originator);
        writer.WriteNumber("s"u8, Sequence);
        writer.WriteString("topic"u8, Topic);
        writer.WriteString("payer"u8, Payer);
        writer.WriteNumber("base_fee"u8, BaseFee);
        writer.WriteNumber("congestion_fee"u8, CongestionFee);
        writer.WriteNumber("units"u8, CongestionUnits);
        writer.WriteNumber("bytes"u8, Bytes);
        writer.WriteString("deps"u8, DependsOn);
    }
}

/// <summary>A node stored an envelope it did not originate: replicated from its originator, or indexed from the app chain.</summary>
/// <param name="Source">replication | index.</param>
/// <param name="Fee">The node's own recomputation of the fee (0 for chain envelopes).</param>
/// <param name="FeeMismatch">True when the recomputed fee differs from the originator's stated fee (xmtpd logs a warning).</param>
/// <param name="Digest">Hex of a short digest of the payload-relevant content (tx hash for chain envelopes) for cross-node comparison.</param>
public sealed record NodeStoreEvent(
    long TimeNs, string Node, uint Originator, ulong Sequence, string Topic, string Source, long Fee, bool FeeMismatch, string Digest) : JournalEvent(TimeNs)
{
    /// <inheritdoc />
    public override string Kind => "store";

    /// <inheritdoc />
    public override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("node"u8, Node);
        writer.WriteNumber("o"u8, Originator);
        writer.WriteNumber("s"u8, Sequence);
        writer.WriteString("topic"u8, Topic);
        writer.WriteString("source"u8, Source);
        writer.WriteNumber("fee"u8, Fee);
        writer.WriteBoolean("fee_mismatch"u8, FeeMismatch);
        writer.WriteString("digest"u8, Digest);
    }
}

/// <summary>A node refused a publish (InvalidArgument and friends).</summary>
public sealed record NodeRejectEvent(long TimeNs, string Node, string Topic, string Code, string Reason) : JournalEvent(TimeNs)
{
    /// <inheritdoc />
    public override string Kind => "reject";

    /// <inheritdoc />
    public override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("node"u8, Node);
        writer.WriteString("topic"u8, Topic);
        writer.WriteString("code"u8, Code);
        writer.WriteString("reason"u8, Reason);
    }
}

/// <summary>A replication stream noticed a sequence anomaly (xmtpd only logs these).</summary>
/// <param name="Anomaly">gap | out_of_order.</param>
public sealed record NodeSequenceAnomalyEvent(long TimeNs, string Node, uint Originator, ulong Expected, ulong Got, string Anomaly) : JournalEvent(TimeNs)
{
    /// <inheritdoc />
    public override string Kind => "seq_anomaly";

    /// <inheritdoc />
    public override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("node"u8, Node);
        writer.WriteNumber("o"u8, Originator);
        writer.WriteNumber("expected"u8, Expected);
        writer.WriteNumber("got"u8, Got);
        writer.WriteString("anomaly"u8, Anomaly);
    }
}

/// <summary>A gateway banned a node for one request and asked the selector again.</summary>
public sealed record GatewayRetryEvent(long TimeNs, string Gateway, uint Node, int Attempt, string Reason) : JournalEvent(TimeNs)
{
    /// <inheritdoc />
    public override string Kind => "gw_retry";

    /// <inheritdoc />
    public override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("gateway"u8, Gateway);
        writer.WriteNumber("node"u8, Node);
        writer.WriteNumber("attempt"u8, Attempt);
        writer.WriteString("reason"u8, Reason);
    }
}

/// <summary>The app chain included a broadcaster transaction.</summary>
/// <param name="Originator">0 = GroupMessageBroadcaster, 1 = IdentityUpdateBroadcaster.</param>
public sealed record ChainTxEvent(long TimeNs, uint Originator, ulong Sequence, string Topic, int Bytes, long Gas, long Block, string TxHash, long SubmittedNs) : JournalEvent(TimeNs)
{
    /// <inheritdoc />
    public override string Kind => "chain_tx";

    /// <inheritdoc />
    public override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteNumber("o"u8, Originator);
        writer.WriteNumber("s"u8, Sequence);
        writer.WriteString("topic"u8, Topic);
        writer.WriteNumber("bytes"u8, Bytes);
        writer.WriteNumber("gas"u8, Gas);
        writer.WriteNumber("block"u8, Block);
        writer.WriteString("tx"u8, TxHash);
        writer.WriteNumber("submitted"u8, SubmittedNs);
    }
}

/// <summary>The app chain sealed a block.</summary>
public sealed record ChainBlockEvent(long TimeNs, long Block, int Transactions, long GasUsed, long GasLimit, int Pending) : JournalEvent(TimeNs)
{
    /// <inheritdoc />
    public override string Kind => "chain_block";

    /// <inheritdoc />
    public override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteNumber("block"u8, Block);
        writer.WriteNumber("txs"u8, Transactions);
        writer.WriteNumber("gas_used"u8, GasUsed);
        writer.WriteNumber("gas_limit"u8, GasLimit);
        writer.WriteNumber("pending"u8, Pending);
    }
}

/// <summary>The app chain refused a transaction (too large, payload size bounds).</summary>
public sealed record ChainRejectEvent(long TimeNs, string Topic, int Bytes, string Reason) : JournalEvent(TimeNs)
{
    /// <inheritdoc />
    public override string Kind => "chain_reject";

    /// <inheritdoc />
    public override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("topic"u8, Topic);
        writer.WriteNumber("bytes"u8, Bytes);
        writer.WriteString("reason"u8, Reason);
    }
}
