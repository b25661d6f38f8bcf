namespace XmtpSim.Scenarios.Checks;

/// <summary><c>misbehavior_detected</c>: every Byzantine act in the journal led to a valid misbehavior report.</summary>
public sealed record MisbehaviorDetectedCheck : Check
{
    private MisbehaviorDetectedCheck()
    {
    }

    /// <summary>The one instance.</summary>
    public static MisbehaviorDetectedCheck Instance { get; } = new();

    /// <inheritdoc />
    public override string Key => "misbehavior_detected";
}
