namespace XmtpSim.Scenarios;

/// <summary>
/// Thrown by <see cref="ScenarioLoader"/> when a scenario or an override is invalid. Carries every
/// error found, each naming file, line, column and key path; the message lists them one per line.
/// </summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the exception from the errors found (at least one).</summary>
    public ScenarioException(IReadOnlyList<ScenarioError> errors)
        : base(string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
    {
        Errors = errors;
    }

    /// <summary>Creates an exception with a single free-form message (no position).</summary>
    public ScenarioException(string message)
        : this([new ScenarioError("<scenario>", 0, 0, "", message)])
    {
    }

    /// <summary>Creates an exception with a single free-form message and its cause.</summary>
    public ScenarioException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new ScenarioError("<scenario>", 0, 0, "", message)];
    }

    /// <summary>Creates an exception with no detail (for serializers and tooling).</summary>
    public ScenarioException()
        : this("invalid scenario")
    {
    }

    /// <summary>Every error found, in file order where possible.</summary>
    public IReadOnlyList<ScenarioError> Errors { get; }
}
