using XmtpSim.Protocol.Cursors;
using XmtpSim.Protocol.Envelopes;
using XmtpSim.Protocol.Topics;

namespace XmtpSim.Actors.Messages;

/// <summary>Node → peer: <c>ReplicationApi.SubscribeOriginators</c> for the peer's own stream from <paramref name="LastSeen"/>.</summary>
public sealed record SubscribeOriginators(uint Originator, VectorClock LastSeen) : Engine.IWireMessage
{
    /// <inheritdoc />
    public int WireBytes => Wire.FrameOverhead + 8 + (LastSeen.Count * 12);
}

/// <summary>Peer → node: a batch of the originator's envelopes in sequence order (empty = the start frame or a keepalive).</summary>
public sealed record OriginatorEnvelopes(uint Originator, IReadOnlyList<ParsedOriginatorEnvelope> Envelopes) : Engine.IWireMessage
{
    /// <inheritdoc />
    public int WireBytes { get; } = Wire.SizeOf(Envelopes);
}

/// <summary>A topic and the cursor to resume it from.</summary>
public sealed record TopicFilter(Topic Topic, VectorClock LastSeen);

/// <summary>Client → node: <c>QueryApi.SubscribeTopics</c>; adds these topics to the client's stream at that node.</summary>
public sealed record SubscribeTopics(IReadOnlyList<TopicFilter> Filters) : Engine.IWireMessage
{
    /// <inheritdoc />
    public int WireBytes => Wire.FrameOverhead + Filters.Sum(f => f.Topic.Bytes.Length + 4 + (f.LastSeen.Count * 12));
}

/// <summary>Node → client: envelopes on subscribed topics (catch-up or live).</summary>
public sealed record TopicEnvelopes(IReadOnlyList<ParsedOriginatorEnvelope> Envelopes, bool CatchUpComplete) : Engine.IWireMessage
{
    /// <inheritdoc />
    public int WireBytes { get; } = Wire.SizeOf(Envelopes);
}

/// <summary>Client → node: <c>QueryApi.QueryEnvelopes</c> by topics from a cursor.</summary>
public sealed record QueryEnvelopes(long RequestId, IReadOnlyList<Topic> Topics, VectorClock LastSeen, uint Limit) : Engine.IWireMessage
{
    /// <inheritdoc />
    public int WireBytes => Wire.FrameOverhead + Topics.Sum(t => t.Bytes.Length + 4) + (LastSeen.Count * 12);
}

/// <summary>Node → client: query rows ordered by (originator, sequence).</summary>
public sealed record QueryEnvelopesResult(long RequestId, IReadOnlyList<ParsedOriginatorEnvelope> Envelopes) : Engine.IWireMessage
{
    /// <inheritdoc />
    public int WireBytes { get; } = Wire.SizeOf(Envelopes);
}

