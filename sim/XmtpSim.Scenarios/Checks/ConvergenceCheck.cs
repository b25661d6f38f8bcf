namespace XmtpSim.Scenarios.Checks;

/// <summary><c>convergence</c>: all honest nodes end with the same cursor and contents.</summary>
public sealed record ConvergenceCheck : Check
{
    private ConvergenceCheck()
    {
    }

    /// <summary>The one instance.</summary>
    public static ConvergenceCheck Instance { get; } = new();

    /// <inheritdoc />
    public override string Key => "convergence";
}
