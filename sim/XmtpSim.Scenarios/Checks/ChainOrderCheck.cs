namespace XmtpSim.Scenarios.Checks;

/// <summary><c>chain_order</c>: every node holds the same chain-originated sequence.</summary>
public sealed record ChainOrderCheck : Check
{
    private ChainOrderCheck()
    {
    }

    /// <summary>The one instance.</summary>
    public static ChainOrderCheck Instance { get; } = new();

    /// <inheritdoc />
    public override string Key => "chain_order";
}
