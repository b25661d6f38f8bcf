namespace XmtpSim.Protocol.Topics;

/// <summary>Why topic bytes were refused: the rule broken and a message naming it and the offending value.</summary>
public sealed record TopicError(TopicRule Rule, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Rule}: {Message}";
}
