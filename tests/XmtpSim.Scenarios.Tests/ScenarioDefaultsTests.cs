using XmtpSim.Scenarios.Checks;
using XmtpSim.Scenarios.Distributions;
using XmtpSim.Scenarios.Faults;

namespace XmtpSim.Scenarios.Tests;

public sealed class ScenarioDefaultsTests
{
    [Fact]
    public void A_file_with_only_a_name_should_get_every_documented_default()
    {
        var s = ScenarioLoader.Parse("name: minimal\n", Yaml.File);

        Assert.Equal("minimal", s.Name);
        Assert.Equal(1, s.Seed);
        Assert.Equal(TimeSpan.FromMinutes(10), s.Duration);
        Assert.Equal(TimeSpan.FromMinutes(2), s.Drain);
        Assert.Equal(CryptoMode.Real, s.Crypto);
        Assert.Equal(TimeSpan.FromMicroseconds(29), s.CryptoCost.Sign);
        Assert.Equal(TimeSpan.FromMicroseconds(47), s.CryptoCost.Recover);
        Assert.Equal(JournalMode.Full, s.Journal);

        Assert.Equal(3, s.Network.Nodes);
        Assert.Equal([100, 200, 300], s.Network.NodeIds);
        Assert.Equal(1, s.Network.Gateways);
        Assert.Empty(s.Network.Regions);
        Assert.Equal(new LogNormalDistribution(0.040, 0.150), s.Network.Latency.Default.Seconds);
        Assert.Empty(s.Network.Latency.Between);
        Assert.Equal(0, s.Network.Loss);
        Assert.Equal(0, s.Network.Duplicate);
        Assert.Equal(1_000_000_000, s.Network.BandwidthBitsPerSecond);
        Assert.Equal(TimeSpan.FromMilliseconds(100), s.Network.NodePollInterval);

        Assert.Equal(new AppChainOptions(TimeSpan.FromMilliseconds(250), 32_000_000, 131_072), s.AppChain);

        Assert.Equal(100, s.Fees.MessageFee);
        Assert.Equal(200, s.Fees.StorageFee);
        Assert.Equal(300, s.Fees.CongestionFee);
        Assert.Equal(6000, s.Fees.TargetRatePerMinute);
        Assert.Empty(s.Fees.RateChanges);

        var w = s.Workload;
        Assert.Equal(1000, w.Clients);
        Assert.Equal(200, w.Groups);
        Assert.Equal(new ZipfDistribution(1.2, 2, 250), w.GroupSize.Values);
        Assert.Equal(0.01, w.MessageRatePerClient);
        Assert.Equal(new LogNormalDistribution(256, 4096), w.MessageBytes.Bytes);
        Assert.Equal(0.0005, w.CommitRatePerGroup);
        Assert.Equal(60, w.RetentionDays);
        Assert.Equal(1, w.IdentityUpdatesPerClient);
        Assert.Equal(1, w.KeyPackagesPerClient);

        Assert.Empty(s.Faults);
        Assert.Empty(s.Checks);
    }

    [Fact]
    public void The_default_group_size_should_shrink_to_fit_a_small_client_count()
    {
        var s = ScenarioLoader.Parse("name: tiny\nworkload: { clients: 40 }\n", Yaml.File);
        Assert.Equal(40, s.Workload.GroupSize.UpperBound);
    }

    [Fact]
    public void The_contract_example_should_bind_every_key()
    {
        const string yaml = """
            name: partition-heal
            seed: 42
            duration: 10m
            drain: 2m
            crypto: modeled
            crypto_cost: { sign: 30us, recover: 50us }
            journal: compressed
            network:
              nodes: 5
              gateways: 2
              regions:
                us-east: { nodes: [100, 200], clients: 0.6 }
                eu-west: { nodes: [300], clients: 0.3 }
                ap-south: { nodes: [400, 500], clients: 0.1 }
              latency:
                default: { dist: lognormal, median: 40ms, p99: 150ms }
                between:
                  us-east/eu-west: { dist: normal, mean: 40ms, stddev: 5ms }
              loss: 0.01
              duplicate: 0.001
              bandwidth: 100Mbps
              node_poll_interval: 50ms
            appchain:
              block_time: 1s
              gas_limit_per_block: 1000
              max_tx_bytes: 200000
            fees:
              message_fee: 1
              storage_fee: 2
              congestion_fee: 3
              target_rate_per_minute: 4
              rate_changes: [{ at: 5m, message_fee: 150 }, { at: 6m, target_rate_per_minute: 0 }]
            workload:
              clients: 1000
              groups: 200
              group_size: { dist: zipf, s: 1.2, min: 2, max: 250 }
              message_rate_per_client: 0.01
              message_bytes: { dist: lognormal, median: 256B, p99: 4KiB }
              commit_rate_per_group: 0.0005
              retention_days: 30
              identity_updates_per_client: 2
              key_packages_per_client: 3
            faults:
              - { at: 2m, partition: [[100, 200], [300, 400, 500]] }
              - { at: 5m, heal: all }
              - { at: 3m, crash: 300, restart_after: 1m }
              - { at: 4m, latency: { nodes: [400], add: 500ms }, for: 1m }
              - { at: 4m30s, reset: [200, 300] }
            checks:
              - no_loss
              - causal_order
              - chain_order
              - convergence
              - misbehavior_detected
              - { latency_p99_below: 2s }
              - { delivered_ratio_at_least: 0.999 }
            """;
        var s = ScenarioLoader.Parse(yaml, Yaml.File);

        Assert.Equal(42, s.Seed);
        Assert.Equal(CryptoMode.Modeled, s.Crypto);
        Assert.Equal(TimeSpan.FromMicroseconds(50), s.CryptoCost.Recover);
        Assert.Equal(JournalMode.Compressed, s.Journal);
        Assert.Equal(["us-east", "eu-west", "ap-south"], s.Network.Regions.Select(r => r.Name));
        Assert.Equal([400, 500], s.Network.Regions[2].Nodes);
        Assert.Equal(0.1, s.Network.Regions[2].ClientFraction);
        Assert.Equal(new NormalDistribution(0.040, 0.005), s.Network.Latency.For("eu-west", "us-east").Seconds);
        Assert.Same(s.Network.Latency.Default, s.Network.Latency.For("ap-south", "us-east"));
        Assert.Equal(0.01, s.Network.Loss);
        Assert.Equal(100_000_000, s.Network.BandwidthBitsPerSecond);
        Assert.Equal(200_000, s.AppChain.MaxTxBytes);
        Assert.Equal(new RateChange(TimeSpan.FromMinutes(5), 150, null, null, null), s.Fees.RateChanges[0]);
        Assert.Equal(0, s.Fees.RateChanges[1].TargetRatePerMinute);
        Assert.Equal(3, s.Workload.KeyPackagesPerClient);

        Assert.Collection(
            s.Faults,
            f => Assert.Equal([[100, 200], [300, 400, 500]], Assert.IsType<PartitionFault>(f).Groups),
            f => Assert.True(Assert.IsType<HealFault>(f).All),
            f => Assert.Equal(TimeSpan.FromMinutes(4), Assert.IsType<CrashFault>(f).Until),
            f => Assert.Equal(TimeSpan.FromMilliseconds(500), Assert.IsType<LatencyFault>(f).Add.Quantile(0.5)),
            f => Assert.Equal([200, 300], Assert.IsType<ResetFault>(f).Nodes));
        Assert.Equal(new SourceLocation(Yaml.File, 44, 5, "faults[0]"), s.Faults[0].Location);

        Assert.Equal(
            ["no_loss", "causal_order", "chain_order", "convergence", "misbehavior_detected", "latency_p99_below", "delivered_ratio_at_least"],
            s.Checks.Select(c => c.Key));
        Assert.Equal(new LatencyP99BelowCheck(TimeSpan.FromSeconds(2)), s.Checks[5]);
        Assert.Equal(new DeliveredRatioAtLeastCheck(0.999), s.Checks[6]);
    }

    [Fact]
    public void Plain_constants_should_be_accepted_wherever_a_distribution_is()
    {
        const string yaml = """
            name: constants
            network:
              latency: 50ms
            workload:
              clients: 10
              group_size: 4
              message_bytes: 200B
            faults:
              - { at: 1m, latency: { nodes: [100], add: { dist: uniform, min: 10ms, max: 20ms } }, for: 1m }
            """;
        var s = ScenarioLoader.Parse(yaml, Yaml.File);
        Assert.Equal(TimeSpan.FromMilliseconds(50), s.Network.Latency.Default.Mean);
        Assert.Equal(4, s.Workload.GroupSize.Sample(new Random(1)));
        Assert.Equal(200, s.Workload.MessageBytes.Sample(new Random(1)));
        Assert.Equal(new UniformDistribution(0.010, 0.020), Assert.IsType<LatencyFault>(s.Faults[0]).Add.Seconds);
    }

    [Fact]
    public void Pareto_should_accept_both_spellings()
    {
        var a = ScenarioLoader.Parse("name: p\nworkload: { message_bytes: { dist: pareto, scale: 100B, shape: 2 } }\n", Yaml.File);
        var b = ScenarioLoader.Parse("name: p\nworkload: { message_bytes: { dist: pareto, min: 100B, alpha: 2 } }\n", Yaml.File);
        Assert.Equal(new ParetoDistribution(100, 2), a.Workload.MessageBytes.Bytes);
        Assert.Equal(a.Workload.MessageBytes, b.Workload.MessageBytes);
    }
}
