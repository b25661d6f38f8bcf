using System.Diagnostics.CodeAnalysis;

namespace XmtpSim.Protocol.Envelopes;

/// <summary>
/// Outcome of parsing or validating an envelope: a value or an <see cref="EnvelopeError"/>. Bad input
/// never throws; it comes back as an error.
/// </summary>
public sealed class EnvelopeResult<T>
    where T : class
{
    internal EnvelopeResult(T? value, EnvelopeError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The parsed or validated value when <see cref="IsValid"/>.</summary>
    public T? Value { get; }

    /// <summary>Why the envelope was refused, when not <see cref="IsValid"/>.</summary>
    public EnvelopeError? Error { get; }

    /// <summary>True when there is a value and no error.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Error is null;

    /// <summary>The value, or throws with the error when refused (for tests and trusted paths).</summary>
    public T Unwrap() => IsValid ? Value : throw new InvalidOperationException(Error.ToString());

    /// <inheritdoc />
    public override string ToString() => IsValid ? $"Ok({Value})" : $"Fail({Error})";
}
