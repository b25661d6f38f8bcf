using Google.Protobuf;
using XmtpSim.Engine;
using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.Fees;

namespace XmtpSim.Actors.Messages;

/// <summary>Node → app chain: stream broadcaster logs from <paramref name="Block"/> on (backfill, then live).</summary>
public sealed record IndexFrom(long Block) : IWireMessage
{
    /// <inheritdoc />
    public int WireBytes => Wire.FrameOverhead + 16;
}

/// <summary>One broadcaster event: <c>MessageSent</c> (broadcaster 0) or <c>IdentityUpdateCreated</c> (1).</summary>
public sealed record ChainLog(uint Broadcaster, ulong SequenceId, ByteString Key, ByteString Payload, ByteString TxHash);

/// <summary>A sealed app-chain block with its broadcaster logs.</summary>
public sealed record ChainBlock(long Number, long TimeNs, IReadOnlyList<ChainLog> Logs);

/// <summary>App chain → indexer: blocks in order.</summary>
public sealed record ChainBlocks(IReadOnlyList<ChainBlock> Blocks) : IWireMessage
{
    /// <inheritdoc />
    public int WireBytes { get; } = Wire.FrameOverhead + Blocks.Sum(b => 120 + b.Logs.Sum(l => l.Payload.Length + l.Key.Length + 96));
}

/// <summary>Node or gateway → settlement chain: read NodeRegistry.getAllNodes and RateRegistry.getRates.</summary>
public sealed record GetRegistry : IWireMessage
{
    /// <summary>The one instance.</summary>
    public static GetRegistry Instance { get; } = new();

    /// <inheritdoc />
    public int WireBytes => Wire.FrameOverhead + 64;
}

/// <summary>A NodeRegistry entry.</summary>
public sealed record RegisteredNode(uint NodeId, ActorId Actor, EthAddress Signer, ByteString SigningPublicKey, string HttpAddress, bool IsCanonical);

/// <summary>Settlement chain → reader: the registry and every rate entry.</summary>
public sealed record RegistrySnapshot(IReadOnlyList<RegisteredNode> Nodes, IReadOnlyList<Rates> Rates) : IWireMessage
{
    /// <inheritdoc />
    public int WireBytes => Wire.FrameOverhead + (Nodes.Count * 160) + (Rates.Count * 40);
}
