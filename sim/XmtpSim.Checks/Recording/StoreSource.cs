namespace XmtpSim.Checks.Recording;

/// <summary>How a node came to store an envelope it did not originate.</summary>
public enum StoreSource : byte
{
    /// <summary><c>replication</c>: pulled from its originator (or a peer).</summary>
    Replication,

    /// <summary><c>index</c>: indexed from the app chain.</summary>
    Index,

    /// <summary>Any other source string.</summary>
    Other,
}
