using Google.Protobuf;
using XmtpSim.Actors.Chain;
using XmtpSim.Actors.Journal;
using XmtpSim.Actors.Messages;
using XmtpSim.Engine;
using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.Fees;
using XmtpSim.Scenarios;
using static XmtpSim.Actors.Tests.Harness;

namespace XmtpSim.Actors.Tests;

public sealed class SettlementChainActorTests
{
    private const ulong EpochSecond = 1_767_225_600; // 2026-01-01T00:00:00Z

    private static readonly EthAddress PayerA = EthAddress.Parse("0x00000000000000000000000000000000000000aa");
    private static readonly EthAddress PayerB = EthAddress.Parse("0x00000000000000000000000000000000000000bb");

    private static FeeOptions Fees(params RateChange[] changes) => new(100, 200, 300, 6000, changes);

    [Fact]
    public void Rate_changes_become_entries_starting_at_the_unix_second_of_epoch_plus_at_with_omitted_fields_carried()
    {
        var entries = SettlementChainSettings.RateEntries(Fees(
            new RateChange(TimeSpan.FromHours(1), 150, null, null, null),
            new RateChange(TimeSpan.FromMinutes(90.5), null, 250, null, 3000),
            new RateChange(TimeSpan.FromDays(2), null, null, 0, null)));

        Assert.Equal(
            [
                new Rates(100, 200, 300, 6000, 0),
                new Rates(150, 200, 300, 6000, EpochSecond + 3_600),
                new Rates(150, 250, 300, 3000, EpochSecond + 5_430),
                new Rates(150, 250, 0, 3000, EpochSecond + 172_800),
            ],
            entries);
        Assert.Equal(EpochSecond, (ulong)SimTime.Epoch.ToUnixTimeSeconds());
    }

    [Fact]
    public void Rate_changes_that_break_the_contract_append_rules_throw()
    {
        Assert.Throws<RateRegistryException>(() => SettlementChainSettings.RateEntries(Fees(new RateChange(TimeSpan.FromHours(1), 100, null, null, null))));
        Assert.Throws<RateRegistryException>(() => SettlementChainSettings.RateEntries(Fees(
            new RateChange(TimeSpan.FromMilliseconds(1_000), 150, null, null, null),
            new RateChange(TimeSpan.FromMilliseconds(1_500), 160, null, null, null))));
    }

    [Fact]
    public void Get_registry_answers_with_every_node_and_every_rate_entry_including_future_ones()
    {
        using var h = new Harness(latencyMs: 10);
        var nodeKey = SigningKey.Derive("node-100", 1);
        var reader = h.Probe("node-100");
        var node = new RegisteredNode(100, reader, nodeKey.Address, ByteString.CopyFrom(nodeKey.PublicKey), "http://node-100", true);
        var settings = SettlementChainSettings.Create(
            [node],
            Fees(new RateChange(TimeSpan.FromHours(1), 150, null, null, null)),
            [new PayerDeposit(PayerA, 10_000_000), new PayerDeposit(PayerB, 5_000_000), new PayerDeposit(PayerA, 1)]);
        var chain = h.Engine.Register("settlement", sim => SettlementChainActor.Props(sim, settings));
        h.Send(reader, chain, GetRegistry.Instance, 1_000);
        h.RunUntilMs(2_000);

        var (time, snapshot) = Assert.Single(h.Inbox<RegistrySnapshot>(reader));
        Assert.Equal(1_020 * Ms, time);
        Assert.Equal(node, Assert.Single(snapshot.Nodes));
        Assert.Equal([0UL, EpochSecond + 3_600], snapshot.Rates.Select(r => r.StartTime));

        var deposits = h.Journal<PayerDepositEvent>().ToList();
        Assert.Equal([0L, 0, 0], deposits.Select(d => d.TimeNs));
        Assert.Equal([PayerA.ToString(), PayerB.ToString(), PayerA.ToString()], deposits.Select(d => d.Payer));
        Assert.Equal([10_000_000L, 5_000_000, 10_000_001], deposits.Select(d => d.Balance));
    }

    [Fact]
    public void Payer_ledger_accumulates_deposits_per_payer()
    {
        var ledger = new PayerRegistryLedger();
        ledger.Deposit(PayerB, 5);
        ledger.Deposit(PayerA, 7);
        ledger.Deposit(PayerB, 1);
        Assert.Equal(6, ledger.Balance(PayerB));
        Assert.Equal(7, ledger.Balance(PayerA));
        Assert.Equal(0, ledger.Balance(EthAddress.Parse("0x00000000000000000000000000000000000000cc")));
        Assert.Equal([PayerA, PayerB], ledger.Balances.Keys);
    }
}
