using XmtpSim.Protocol.Crypto;

namespace XmtpSim.Actors.Chain;

/// <summary>
/// PayerRegistry balances (microdollars; <c>int104</c> on chain, so a balance may go negative once usage is
/// settled). Deposits only for now: withdrawals and <c>settleUsage</c> come with settlement.
/// </summary>
public sealed class PayerRegistryLedger
{
    private readonly SortedDictionary<EthAddress, long> _balances = [];

    /// <summary>Every payer's balance, in address order.</summary>
    public IReadOnlyDictionary<EthAddress, long> Balances => _balances;

    /// <summary>The payer's balance (0 if it never deposited).</summary>
    public long Balance(EthAddress payer) => _balances.GetValueOrDefault(payer);

    /// <summary><c>deposit(payer, amount)</c>: returns the new balance.</summary>
    public long Deposit(EthAddress payer, ulong amountMicrodollars)
    {
        var balance = checked(Balance(payer) + (long)amountMicrodollars);
        _balances[payer] = balance;
        return balance;
    }
}
