namespace XmtpSim.Protocol.Envelopes;

/// <summary>Factories for <see cref="EnvelopeResult{T}"/> (type inference from the value).</summary>
public static class EnvelopeResult
{
    /// <summary>A success.</summary>
    public static EnvelopeResult<T> Ok<T>(T value)
        where T : class => new(value, null);

    /// <summary>A refusal.</summary>
    public static EnvelopeResult<T> Fail<T>(EnvelopeErrorCode code, string message)
        where T : class => new(null, new EnvelopeError(code, message));

    /// <summary>A refusal carrying an existing error.</summary>
    public static EnvelopeResult<T> Fail<T>(EnvelopeError error)
        where T : class => new(null, error);
}
