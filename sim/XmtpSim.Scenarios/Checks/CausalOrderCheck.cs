namespace XmtpSim.Scenarios.Checks;

/// <summary><c>causal_order</c>: no client applies an envelope before its <c>depends_on</c>.</summary>
public sealed record CausalOrderCheck : Check
{
    private CausalOrderCheck()
    {
    }

    /// <summary>The one instance.</summary>
    public static CausalOrderCheck Instance { get; } = new();

    /// <inheritdoc />
    public override string Key => "causal_order";
}
