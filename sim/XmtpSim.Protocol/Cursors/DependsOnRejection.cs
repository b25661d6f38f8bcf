namespace XmtpSim.Protocol.Cursors;

/// <summary>Why an originator refuses a publish whose <c>depends_on</c> it cannot vouch for (spec §5.4).</summary>
public enum DependsOnRejection
{
    /// <summary>Accepted.</summary>
    None,

    /// <summary>An entry names a node originator (id ≥ 100); only chain/migration originators may be depended on.</summary>
    NodeOriginator,

    /// <summary>An entry names an originator this node has never stored anything from.</summary>
    OriginatorNotSeen,

    /// <summary>An entry's sequence id is ahead of what this node has indexed.</summary>
    NotYetIndexed,
}
