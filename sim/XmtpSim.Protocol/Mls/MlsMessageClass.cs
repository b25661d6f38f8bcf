namespace XmtpSim.Protocol.Mls;

/// <summary>What a <c>GroupMessageInput.V1.data</c> is, as far as routing is concerned (spec §8.1).</summary>
public enum MlsMessageClass
{
    /// <summary>Not an MLS PublicMessage/PrivateMessage the node can read; the node refuses it.</summary>
    Unparseable = 0,

    /// <summary>content_type 1.</summary>
    Application = 1,

    /// <summary>content_type 2: belongs on chain.</summary>
    Proposal = 2,

    /// <summary>content_type 3: belongs on chain.</summary>
    Commit = 3,

    /// <summary>
    /// A PrivateMessage whose content_type byte is none of 1..3. xmtpd reads the byte without checking
    /// it and treats such a message as off-chain, so the node accepts it.
    /// </summary>
    OtherPrivate = 4,
}
