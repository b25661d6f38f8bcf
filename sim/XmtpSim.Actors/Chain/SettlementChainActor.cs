using Akka.Actor;
using XmtpSim.Actors.Journal;
using XmtpSim.Actors.Messages;
using XmtpSim.Engine;
using XmtpSim.Engine.Hosting;
using XmtpSim.Protocol.Fees;

namespace XmtpSim.Actors.Chain;

/// <summary>
/// The settlement chain (Base L2) reduced to what readers need (spec §16): NodeRegistry and RateRegistry, read
/// with <see cref="GetRegistry"/> (answered with a <see cref="RegistrySnapshot"/> holding every rate entry,
/// future-dated ones included, as <c>getRates</c> returns them), and PayerRegistry balances, funded at start
/// (one <see cref="PayerDepositEvent"/> each). No settlement yet.
/// </summary>
public sealed class SettlementChainActor : SimActor
{
    private readonly ISimContext _sim;
    private readonly SettlementChainSettings _settings;
    private readonly RegistrySnapshot _snapshot;
    private readonly PayerRegistryLedger _payers = new();

    /// <summary>Use <see cref="Props"/>.</summary>
    public SettlementChainActor(ISimContext sim, SettlementChainSettings settings)
    {
        _sim = sim;
        _settings = settings;
        _snapshot = new RegistrySnapshot(settings.Nodes, settings.Rates);
    }

    /// <inheritdoc />
    protected override void OnMessage(object message)
    {
        switch (message)
        {
            case GetRegistry:
                _sim.Send(_sim.Sender, _snapshot);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    /// <summary>Props for the settlement chain; throws <see cref="RateRegistryException"/> if the rate entries break the contract's append rules.</summary>
    public static Props Props(ISimContext sim, SettlementChainSettings settings)
    {
        _ = new RateRegistry(settings.Rates);
        return SimProps.Of(() => new SettlementChainActor(sim, settings));
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        if (_sim.Incarnation > 0)
        {
            return; // deposits are chain history, made once; a restarted reader-facing process does not repeat them
        }

        foreach (var deposit in _settings.Deposits)
        {
            var balance = _payers.Deposit(deposit.Payer, deposit.AmountMicrodollars);
            _sim.Journal(new PayerDepositEvent(_sim.Now, deposit.Payer.ToString(), deposit.AmountMicrodollars, balance));
        }
    }
}
