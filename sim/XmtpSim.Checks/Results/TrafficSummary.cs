namespace XmtpSim.Checks.Results;

/// <summary>Wire traffic between actors (engine send, deliver and drop events).</summary>
/// <param name="Sent">Messages sent.</param>
/// <param name="Delivered">Messages delivered.</param>
/// <param name="Dropped">Messages dropped.</param>
/// <param name="ByType">Per message type, ordinal order.</param>
public sealed record TrafficSummary(long Sent, long Delivered, long Dropped, IReadOnlyList<MessageTypeSummary> ByType);
