namespace XmtpSim.Engine;

/// <summary>
/// Delivered by the engine when a stream registered with <see cref="ISimContext.Connect"/> breaks: the peer
/// crashed, a partition cut it (noticed after the keepalive timeout), or a reset fault closed it.
/// </summary>
public sealed record ConnectionLost(ActorId Peer, string Reason);
