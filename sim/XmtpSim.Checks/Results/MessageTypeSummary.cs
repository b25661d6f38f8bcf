namespace XmtpSim.Checks.Results;

/// <summary>Wire traffic of one message type.</summary>
/// <param name="Type">Message type name.</param>
/// <param name="Sent">Messages sent.</param>
/// <param name="Delivered">Messages delivered.</param>
/// <param name="Dropped">Messages dropped.</param>
/// <param name="Bytes">Bytes sent.</param>
public sealed record MessageTypeSummary(string Type, long Sent, long Delivered, long Dropped, long Bytes);
