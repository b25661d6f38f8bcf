namespace XmtpSim.Protocol.Topics;

/// <summary>How strictly topic bytes are checked when parsed.</summary>
public enum TopicValidation
{
    /// <summary>
    /// Everything xmtpd checks (length 2..128, known kind) plus the identifier size of each kind.
    /// The simulator generates only such topics, so this catches its own bugs.
    /// </summary>
    Strict = 0,

    /// <summary>Only what a real node checks: length 2..128 and a known kind. For interop with real peers.</summary>
    Node = 1,
}
