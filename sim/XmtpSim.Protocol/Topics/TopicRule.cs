namespace XmtpSim.Protocol.Topics;

/// <summary>The topic rule a parse failure broke; <see cref="TopicError"/> carries it with a message.</summary>
public enum TopicRule
{
    /// <summary>Fewer than 2 bytes (a kind byte and at least one identifier byte).</summary>
    TooShort = 1,

    /// <summary>More than 128 bytes, the node's cap.</summary>
    TooLong = 2,

    /// <summary>The kind byte is not one of the six known kinds.</summary>
    UnknownKind = 3,

    /// <summary>The identifier does not have the size its kind requires (strict validation only).</summary>
    IdentifierSize = 4,
}
