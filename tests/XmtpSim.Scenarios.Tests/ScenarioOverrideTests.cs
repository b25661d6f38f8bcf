using XmtpSim.Scenarios.Distributions;

namespace XmtpSim.Scenarios.Tests;

public sealed class ScenarioOverrideTests
{
    private const string Base = "name: o\nseed: 4\nnetwork:\n  nodes: 3\n";

    [Fact]
    public void An_override_should_replace_an_existing_key()
    {
        var s = ScenarioLoader.Parse(Base, Yaml.File, ["network.nodes=7"]);
        Assert.Equal(7, s.Network.Nodes);
    }

    [Fact]
    public void A_seed_override_should_replace_the_seed() =>
        Assert.Equal(9, ScenarioLoader.Parse(Base, Yaml.File, ["seed=9"]).Seed);

    [Fact]
    public void An_override_should_create_a_schema_key_the_file_omits()
    {
        var s = ScenarioLoader.Parse(Base, Yaml.File, ["workload.retention_days=30", "fees.target_rate_per_minute=600"]);
        Assert.Equal(30, s.Workload.RetentionDays);
        Assert.Equal(600, s.Fees.TargetRatePerMinute);
    }

    [Fact]
    public void An_override_value_may_be_flow_yaml()
    {
        var s = ScenarioLoader.Parse(Base, Yaml.File, ["network.latency.default={dist: constant, value: 5ms}"]);
        Assert.Equal(new ConstantDistribution(0.005), s.Network.Latency.Default.Seconds);
        var t = ScenarioLoader.Parse(Base, Yaml.File, ["checks=[no_loss, {latency_p99_below: 1s}]"]);
        Assert.Equal(2, t.Checks.Count);
    }

    [Fact]
    public void Later_overrides_should_win()
    {
        var s = ScenarioLoader.Parse(Base, Yaml.File, ["seed=9", "seed=10"]);
        Assert.Equal(10, s.Seed);
    }

    [Fact]
    public void An_override_should_index_into_lists()
    {
        const string yaml = "name: o\nfaults:\n  - { at: 1m, crash: 100, restart_after: 1m }\n";
        var s = ScenarioLoader.Parse(yaml, Yaml.File, ["faults[0].at=3m"]);
        Assert.Equal(TimeSpan.FromMinutes(3), s.Faults[0].At);
        var t = ScenarioLoader.Parse(yaml, Yaml.File, ["faults.0.crash=200"]);
        Assert.Equal(200, Assert.IsType<Faults.CrashFault>(t.Faults[0]).Node);
    }

    [Fact]
    public void An_unknown_override_key_should_name_the_option()
    {
        var errors = Yaml.Errors(Base, "network.nodez=7");
        var error = Assert.Single(errors);
        Assert.Equal("--set network.nodez=7", error.File);
        Assert.Equal("network.nodez", error.KeyPath);
        Assert.Contains("unknown key 'nodez'", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("--set network.nodez=7: network.nodez: unknown key", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_override_value_should_name_the_option()
    {
        var error = Assert.Single(Yaml.Errors(Base, "network.nodes=many"));
        Assert.Equal("--set network.nodes=many: network.nodes: 'many' is not a whole number", error.ToString());
        var unit = Assert.Single(Yaml.Errors(Base, "duration=10"));
        Assert.Equal("--set duration=10", unit.File);
        Assert.Contains("no unit", unit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_override_should_be_an_error()
    {
        Assert.Contains("key.path=value", Assert.Single(Yaml.Errors(Base, "seed")).Message, StringComparison.Ordinal);
        Assert.Contains("not valid YAML", Assert.Single(Yaml.Errors(Base, "seed={")).Message, StringComparison.Ordinal);
        Assert.Contains("is not a mapping", Assert.Single(Yaml.Errors(Base, "seed.x=1")).Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", Assert.Single(Yaml.Errors(Base, "faults[3].at=1m")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_in_untouched_keys_should_still_point_at_the_file()
    {
        var errors = Yaml.Errors("name: o\nseed: -1\n", "network.nodes=0");
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.File == Yaml.File && e.Line == 2 && e.KeyPath == "seed");
        Assert.Contains(errors, e => e.File == "--set network.nodes=0" && e.KeyPath == "network.nodes");
    }

    [Fact]
    public void Overrides_should_apply_to_an_empty_file() =>
        Assert.Equal("made", ScenarioLoader.Parse("", Yaml.File, ["name=made"]).Name);
}
