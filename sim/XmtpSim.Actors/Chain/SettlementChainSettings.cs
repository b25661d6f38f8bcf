using XmtpSim.Actors.Messages;
using XmtpSim.Engine;
using XmtpSim.Protocol.Fees;
using XmtpSim.Scenarios;

namespace XmtpSim.Actors.Chain;

/// <summary>The settlement chain's contents at t = 0: NodeRegistry, every RateRegistry entry (future-dated ones included), PayerRegistry deposits.</summary>
/// <param name="Nodes">NodeRegistry entries, in node-id order.</param>
/// <param name="Rates">RateRegistry entries, oldest first; must obey the contract's append rules.</param>
/// <param name="Deposits">Deposits made at start, applied in order.</param>
public sealed record SettlementChainSettings(IReadOnlyList<RegisteredNode> Nodes, IReadOnlyList<Rates> Rates, IReadOnlyList<PayerDeposit> Deposits)
{
    /// <summary>Settings from a scenario's <c>fees</c> section (see <see cref="RateEntries"/>).</summary>
    public static SettlementChainSettings Create(IReadOnlyList<RegisteredNode> nodes, FeeOptions fees, IReadOnlyList<PayerDeposit> deposits) =>
        new(nodes, RateEntries(fees), deposits);

    /// <summary>
    /// The RateRegistry array a scenario's fees describe. The initial entry has <c>startTime</c> 0 (in force since
    /// before the run, like the contract's first entry). Each rate change at simulated time <c>at</c> becomes an
    /// entry starting at the Unix second of <see cref="SimTime.Epoch"/> + <c>at</c> (truncated), omitted fields
    /// carried forward from the entry before it. Appended with <c>updateRates()</c>'s rules, so a change that
    /// alters nothing (<c>NoChange</c>) or lands in the same second as the previous one (<c>InvalidStartTime</c>)
    /// throws <see cref="RateRegistryException"/>.
    /// </summary>
    public static IReadOnlyList<Rates> RateEntries(FeeOptions fees)
    {
        var registry = new RateRegistry();
        var current = new Rates((ulong)fees.MessageFee, (ulong)fees.StorageFee, (ulong)fees.CongestionFee, (ulong)fees.TargetRatePerMinute, 0);
        registry.Append(current);
        foreach (var change in fees.RateChanges)
        {
            current = new Rates(
                change.MessageFee is { } message ? (ulong)message : current.MessageFee,
                change.StorageFee is { } storage ? (ulong)storage : current.StorageFee,
                change.CongestionFee is { } congestion ? (ulong)congestion : current.CongestionFee,
                change.TargetRatePerMinute is { } target ? (ulong)target : current.TargetRatePerMinute,
                (ulong)(SimTime.Epoch + change.At).ToUnixTimeSeconds());
            registry.Append(current);
        }

        return registry.Entries.ToList();
    }
}
