namespace XmtpSim.Protocol.Envelopes;

/// <summary>Originator IDs below 100 that are not nodes (spec §5.1).</summary>
public static class ReservedOriginators
{
    /// <summary>GroupMessageBroadcaster events (commits and proposals).</summary>
    public const uint GroupMessages = 0;

    /// <summary>IdentityUpdateBroadcaster events.</summary>
    public const uint IdentityUpdates = 1;

    /// <summary>Lowest ID a registered node can have; depends_on may only name originators below it.</summary>
    public const uint FirstNodeId = 100;

    /// <summary>True for 0 and 1, whose envelopes carry a blockchain proof instead of a signature.</summary>
    public static bool IsBlockchain(uint originatorNodeId) => originatorNodeId is GroupMessages or IdentityUpdates;
}
