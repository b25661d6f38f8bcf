namespace XmtpSim.Scenarios.Checks;

/// <summary><c>no_loss</c>: every acknowledged envelope reaches every live honest node and every subscribed client by the end of <c>drain</c>.</summary>
public sealed record NoLossCheck : Check
{
    private NoLossCheck()
    {
    }

    /// <summary>The one instance.</summary>
    public static NoLossCheck Instance { get; } = new();

    /// <inheritdoc />
    public override string Key => "no_loss";
}
