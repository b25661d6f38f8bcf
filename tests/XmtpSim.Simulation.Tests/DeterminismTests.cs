namespace XmtpSim.Simulation.Tests;

public sealed class DeterminismTests
{
    [Fact]
    public void Same_scenario_and_seed_give_the_same_journal_hash()
    {
        var first = SmallScenarios.Run(SmallScenarios.Base);
        var second = SmallScenarios.Run(SmallScenarios.Base);
        Assert.True(first.Engine.MessagesDelivered > 1000, $"the run must do real work: {first.Engine.MessagesDelivered} deliveries");
        Assert.Equal(first.Results.JournalSha256, second.Results.JournalSha256);
        Assert.Equal(first.Engine, second.Engine);
    }

    [Fact]
    public void A_different_seed_gives_a_different_hash()
    {
        var first = SmallScenarios.Run(SmallScenarios.Base);
        var other = SmallScenarios.Run(SmallScenarios.Base, 1, "seed=6");
        Assert.NotEqual(first.Results.JournalSha256, other.Results.JournalSha256);
    }

    [Fact]
    public void The_same_seed_with_more_threads_gives_the_same_hash()
    {
        var one = SmallScenarios.Run(SmallScenarios.Base, parallelism: 1, "workload.clients=120", "workload.message_rate_per_client=0.2");
        var two = SmallScenarios.Run(SmallScenarios.Base, parallelism: 2, "workload.clients=120", "workload.message_rate_per_client=0.2");
        Assert.Equal(one.Results.JournalSha256, two.Results.JournalSha256);
    }

    [Fact]
    public void The_run_reports_where_its_wall_time_went_and_its_peak_memory()
    {
        var run = SmallScenarios.Run(SmallScenarios.Base);

        var wall = run.Results.Wall!;
        Assert.All([wall.BuildSeconds, wall.SimulateSeconds, wall.ChecksSeconds], s => Assert.True(s > 0, $"{s}"));
        Assert.Equal(run.Results.WallSeconds, wall.BuildSeconds + wall.SimulateSeconds + wall.ChecksSeconds, 6);
        Assert.True(wall.PeakMemoryBytes > 10_000_000, $"peak {wall.PeakMemoryBytes} bytes");
    }
}
