namespace XmtpSim.Scenarios.Tests;

/// <summary>Every class of error names the file, the line and the key path.</summary>
public sealed class ScenarioErrorTests
{
    [Fact]
    public void Unknown_keys_should_be_errors_that_list_the_expected_keys()
    {
        var e = Yaml.Single("name: x\nnetwork:\n  nodez: 7\n", 3, "network.nodez", "unknown key 'nodez'");
        Assert.Contains("nodes", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, e.Column);
    }

    [Fact]
    public void An_unknown_distribution_should_name_the_dist_key_and_the_choices()
    {
        var e = Yaml.Single(
            "name: x\nnetwork:\n  latency:\n    default: { dist: gauss, mean: 5ms }\n",
            4,
            "network.latency.default.dist",
            "unknown distribution 'gauss' (expected one of constant, uniform, normal, lognormal, exponential, pareto, zipf)");
        Assert.StartsWith("scenarios/test.yaml:4:", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_distribution_parameters_should_be_errors() =>
        Yaml.Single("name: x\nworkload:\n  message_bytes: { dist: lognormal, median: 256B }\n", 3, "workload.message_bytes.p99", "lognormal needs 'p99'");

    [Fact]
    public void Inconsistent_distribution_parameters_should_be_errors() =>
        Yaml.Single("name: x\nworkload:\n  message_bytes: { dist: lognormal, median: 4KiB, p99: 256B }\n", 3, "workload.message_bytes", "0 < median < p99");

    [Fact]
    public void Zipf_durations_should_be_rejected() =>
        Yaml.Single("name: x\nnetwork:\n  latency: { dist: zipf, s: 1, min: 1, max: 2 }\n", 3, "network.latency.dist", "zipf is for counts and sizes");

    [Fact]
    public void A_bad_unit_should_say_what_units_are_accepted()
    {
        Yaml.Single("name: x\nduration: 10 minutes\n", 2, "duration", "not a duration");
        Yaml.Single("name: x\nduration: 600\n", 2, "duration", "has no unit");
        Yaml.Single("name: x\nappchain:\n  max_tx_bytes: 128KB\n", 3, "appchain.max_tx_bytes", "KiB");
        Yaml.Single("name: x\nnetwork:\n  bandwidth: 1GB\n", 3, "network.bandwidth", "Gbps");
    }

    [Fact]
    public void Negative_values_should_be_errors()
    {
        Yaml.Single("name: x\nseed: -1\n", 2, "seed", "negative");
        Yaml.Single("name: x\nworkload:\n  message_rate_per_client: -0.5\n", 3, "workload.message_rate_per_client", "negative");
        Yaml.Single("name: x\ndrain: -1m\n", 2, "drain", "negative");
        Yaml.Single("name: x\nfees:\n  storage_fee: -200\n", 3, "fees.storage_fee", "negative");
    }

    [Fact]
    public void Fractions_outside_zero_to_one_should_be_errors()
    {
        Yaml.Single("name: x\nnetwork:\n  loss: 1.5\n", 3, "network.loss", "outside [0, 1]");
        Yaml.Single("name: x\nchecks:\n  - { delivered_ratio_at_least: 2 }\n", 3, "checks[0].delivered_ratio_at_least", "outside [0, 1]");
    }

    [Fact]
    public void Zero_nodes_or_gateways_should_be_errors()
    {
        Yaml.Single("name: x\nnetwork:\n  nodes: 0\n", 3, "network.nodes", "out of range");
        Yaml.Single("name: x\nnetwork:\n  gateways: 0\n", 3, "network.gateways", "out of range");
    }

    [Fact]
    public void A_missing_name_should_be_an_error() =>
        Assert.Contains(Yaml.Errors("seed: 3\n"), e => e.KeyPath == "name" && e.Message.Contains("missing required key 'name'", StringComparison.Ordinal) && e.Line == 1);

    [Fact]
    public void An_unsafe_name_should_be_an_error() =>
        Yaml.Single("name: ../x\n", 1, "name", "letters, digits");

    [Fact]
    public void Regions_naming_missing_nodes_should_be_errors() =>
        Yaml.Single(
            "name: x\nnetwork:\n  nodes: 2\n  regions:\n    a: { nodes: [100, 200, 300], clients: 1 }\n",
            5,
            "network.regions.a.nodes[2]",
            "node 300 does not exist");

    [Fact]
    public void A_node_in_two_regions_should_be_an_error() =>
        Yaml.Single(
            "name: x\nnetwork:\n  nodes: 2\n  regions:\n    a: { nodes: [100, 200], clients: 0.5 }\n    b: { nodes: [200], clients: 0.5 }\n",
            6,
            "network.regions.b.nodes[0]",
            "already in region 'a'");

    [Fact]
    public void Region_client_fractions_must_sum_to_one() =>
        Yaml.Single(
            "name: x\nnetwork:\n  nodes: 2\n  regions:\n    a: { nodes: [100], clients: 0.5 }\n    b: { nodes: [200], clients: 0.4 }\n",
            5,
            "network.regions",
            "sum to 0.9");

    [Fact]
    public void A_node_in_no_region_should_be_an_error() =>
        Yaml.Single(
            "name: x\nnetwork:\n  nodes: 2\n  regions:\n    a: { nodes: [100], clients: 1 }\n",
            5,
            "network.regions",
            "200 are in no region");

    [Fact]
    public void Latency_between_unknown_regions_should_be_an_error() =>
        Yaml.Single(
            "name: x\nnetwork:\n  nodes: 1\n  regions:\n    a: { nodes: [100], clients: 1 }\n  latency:\n    between:\n      a/b: 5ms\n",
            8,
            "network.latency.between.a/b",
            "unknown region 'b'");

    [Fact]
    public void A_group_larger_than_the_client_count_should_be_an_error() =>
        Yaml.Single(
            "name: x\nworkload:\n  clients: 10\n  group_size: { dist: zipf, s: 1.2, min: 2, max: 250 }\n",
            4,
            "workload.group_size",
            "largest group size (250) is more than workload.clients (10)");

    [Fact]
    public void An_unknown_check_should_be_an_error()
    {
        Yaml.Single("name: x\nchecks:\n  - no_loss\n  - everything_fine\n", 4, "checks[1]", "unknown check 'everything_fine'");
        Yaml.Single("name: x\nchecks:\n  - { latency_p50_below: 1s }\n", 3, "checks[0].latency_p50_below", "unknown check");
    }

    [Fact]
    public void A_retention_outside_what_xmtpd_accepts_should_be_an_error() =>
        Yaml.Single("name: x\nworkload:\n  retention_days: 1\n", 3, "workload.retention_days", "2..365");

    [Fact]
    public void Yaml_syntax_errors_should_carry_a_position()
    {
        var error = Assert.Single(Yaml.Errors("name: x\nnetwork: { nodes: 3\nseed: 1\n"));
        Assert.Equal(Yaml.File, error.File);
        Assert.True(error.Line >= 2);
        Assert.DoesNotContain("Idx:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_keys_should_be_errors()
    {
        var error = Assert.Single(Yaml.Errors("name: x\nseed: 1\nseed: 2\n"));
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void A_fault_that_ends_after_duration_should_be_an_error() =>
        Yaml.Single(
            "name: x\nduration: 5m\nfaults:\n  - { at: 4m, crash: 100, restart_after: 2m }\n",
            4,
            "faults[0]",
            "ends at 6m, after the workload ends (duration 5m)");

    [Fact]
    public void A_fault_that_starts_after_duration_should_be_an_error() =>
        Yaml.Single("name: x\nduration: 5m\nfaults:\n  - { at: 6m, reset: [100, 200] }\n", 4, "faults[0].at", "starts at 6m");

    [Fact]
    public void A_fault_naming_a_missing_node_should_be_an_error() =>
        Yaml.Single("name: x\nfaults:\n  - { at: 1m, crash: 900, restart_after: 1m }\n", 3, "faults[0]", "node 900 does not exist");

    [Fact]
    public void Partition_groups_must_be_disjoint() =>
        Yaml.Single(
            "name: x\nfaults:\n  - { at: 1m, partition: [[100, 200], [200, 300]], for: 1m }\n",
            3,
            "faults[0].partition",
            "more than one partition group");

    [Fact]
    public void A_partition_that_is_never_healed_should_be_an_error()
    {
        Yaml.Single("name: x\nfaults:\n  - { at: 1m, partition: [[100], [200, 300]] }\n", 3, "faults[0].partition", "never healed");
        Assert.True(ScenarioLoader.TryParse("name: x\nfaults:\n  - { at: 1m, partition: [[100], [200, 300]] }\n  - { at: 2m, heal: [100] }\n", Yaml.File).IsValid);
    }

    [Fact]
    public void A_fault_with_two_kinds_should_be_an_error() =>
        Yaml.Single("name: x\nfaults:\n  - { at: 1m, crash: 100, reset: [100, 200] }\n", 3, "faults[0]", "exactly one kind");

    [Fact]
    public void Byzantine_faults_should_parse_but_be_rejected_as_not_supported_yet()
    {
        const string yaml = "name: x\nnetwork: { nodes: 5 }\nfaults:\n  - { at: 1m, byzantine: { node: 500, behaviour: equivocate, probability: 0.01 } }\n";
        var result = ScenarioLoader.TryParse(yaml, Yaml.File);

        Assert.Empty(result.BindingErrors);
        var fault = Assert.IsType<Faults.ByzantineFault>(Assert.Single(result.Scenario!.Faults));
        Assert.Equal(500, fault.Node);
        Assert.Equal(Faults.ByzantineBehaviour.Equivocate, fault.Behaviour);
        Assert.Equal(0.01, fault.Probability);

        var error = Assert.Single(result.ValidationErrors);
        Yaml.AssertError(error, 4, "faults[0].byzantine", "byzantine faults are not supported yet");
        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, Yaml.File));
        Assert.Contains("scenarios/test.yaml:4:5: faults[0].byzantine: byzantine faults are not supported yet", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ node: 100, behaviour: withhold, peers: [200] }")]
    [InlineData("{ node: 100, behaviour: censor, topics: [abc] }")]
    [InlineData("{ node: 100, behaviour: censor, payers: [gateway-1] }")]
    [InlineData("{ node: 100, behaviour: tamper }")]
    [InlineData("{ node: 100, behaviour: forge_signature }")]
    [InlineData("{ node: 100, behaviour: reorder }")]
    [InlineData("{ node: 100, behaviour: inflate_fees, probability: 0.5 }")]
    public void Every_byzantine_behaviour_should_parse(string body)
    {
        var result = ScenarioLoader.TryParse($"name: x\nfaults:\n  - {{ at: 1m, byzantine: {body} }}\n", Yaml.File);
        Assert.Empty(result.BindingErrors);
        Assert.IsType<Faults.ByzantineFault>(Assert.Single(result.Scenario!.Faults));
    }

    [Fact]
    public void Byzantine_behaviours_missing_their_parameters_should_be_errors()
    {
        Yaml.Single("name: x\nfaults:\n  - { at: 1m, byzantine: { node: 100, behaviour: withhold } }\n", 3, "faults[0].byzantine.peers", "withhold needs 'peers'");
        Yaml.Single("name: x\nfaults:\n  - { at: 1m, byzantine: { node: 100, behaviour: censor } }\n", 3, "faults[0].byzantine", "censor needs 'topics' or 'payers'");
        Yaml.Single("name: x\nfaults:\n  - { at: 1m, byzantine: { node: 100, behaviour: lie } }\n", 3, "faults[0].byzantine.behaviour", "unknown value 'lie'");
    }

    [Fact]
    public void All_errors_should_be_reported_not_just_the_first()
    {
        var errors = Yaml.Errors("name: x\nseed: -1\nnetwork:\n  nodez: 3\n  loss: 2\nworkload:\n  message_bytes: 4KB\n");
        Assert.Equal(["seed", "network.nodez", "network.loss", "workload.message_bytes"], errors.Select(e => e.KeyPath));
        Assert.Equal([2, 4, 5, 7], errors.Select(e => e.Line));
        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("name: x\nseed: -1\nnetwork:\n  nodez: 3\n", Yaml.File));
        Assert.Equal(2, ex.Errors.Count);
    }

    [Fact]
    public void A_missing_file_should_be_reported_with_its_path()
    {
        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadFile("scenarios/does-not-exist.yaml"));
        Assert.Equal("scenarios/does-not-exist.yaml", Assert.Single(ex.Errors).File);
    }
}
