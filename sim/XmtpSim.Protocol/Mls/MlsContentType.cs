namespace XmtpSim.Protocol.Mls;

/// <summary>RFC 9420 <c>ContentType</c> as it appears in an MLS frame; proposals and commits go on chain.</summary>
public enum MlsContentType : byte
{
    /// <summary>An application message: routed to an originator node.</summary>
    Application = 1,

    /// <summary>A proposal: routed to the GroupMessageBroadcaster.</summary>
    Proposal = 2,

    /// <summary>A commit: routed to the GroupMessageBroadcaster.</summary>
    Commit = 3,
}
