namespace XmtpSim.Scenarios.Tests;

/// <summary>Every file shipped in <c>scenarios/</c> must load and validate.</summary>
public sealed class ScenarioFilesTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ScenariosFolder(), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    private static string ScenariosFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "scenarios")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "scenarios");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Scenario_file_should_validate(string file)
    {
        var result = ScenarioLoader.TryParse(File.ReadAllText(Path.Combine(ScenariosFolder(), file)), $"scenarios/{file}");
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(Path.GetFileNameWithoutExtension(file), result.Scenario!.Name);
    }

    [Fact]
    public void The_expected_scenarios_should_be_present()
    {
        var present = Directory.GetFiles(ScenariosFolder(), "*.yaml").Select(f => Path.GetFileName(f)).ToHashSet(StringComparer.Ordinal);
        Assert.True(present.IsSupersetOf(["baseline.yaml", "geo-5-region.yaml", "partition-heal.yaml", "node-crash-restart.yaml", "congestion.yaml", "mainnet-day.yaml"]));
    }

    [Fact]
    public void Mainnet_day_should_target_five_million_messages_a_day()
    {
        var s = ScenarioLoader.LoadFile(Path.Combine(ScenariosFolder(), "mainnet-day.yaml"));
        var perDay = s.Workload.Clients * s.Workload.MessageRatePerClient * s.Duration.TotalSeconds;
        Assert.InRange(perDay, 4.9e6, 5.1e6);
        Assert.Equal(7, s.Network.Nodes);
        Assert.Equal(CryptoMode.Modeled, s.Crypto);
    }

    [Fact]
    public void Congestion_should_push_surviving_originators_above_target_only_while_a_node_is_down()
    {
        var s = ScenarioLoader.LoadFile(Path.Combine(ScenariosFolder(), "congestion.yaml"));
        var perMinute = s.Workload.Clients * s.Workload.MessageRatePerClient * 60;
        Assert.True(perMinute / s.Network.Nodes < s.Fees.TargetRatePerMinute);
        Assert.True(perMinute / (s.Network.Nodes - 1) > s.Fees.TargetRatePerMinute);
    }
}
