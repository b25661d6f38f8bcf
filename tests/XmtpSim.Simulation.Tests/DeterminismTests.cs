using XmtpSim.Actors.Node;
using XmtpSim.Engine.Journal;
using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.Envelopes;
using XmtpSim.Protocol.Storage;

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
    public void Watching_progress_on_the_wall_clock_does_not_change_the_run()
    {
        // The CLI's progress display reads a Stopwatch in the engine's progress callback; the run must not see it.
        // Large enough for several reports (the engine reports every 65,536 events).
        var scenario = SmallScenarios.Parse(SmallScenarios.Base, "workload.clients=200", "workload.message_rate_per_client=0.5", "duration=10m");
        var plain = SimulationRunner.Run(scenario, new RunSettings());
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var reports = new List<(long SimNanos, long Events, double WallSeconds)>();
        var watched = SimulationRunner.Run(scenario, new RunSettings
        {
            Progress = (simNanos, events) => reports.Add((simNanos, events, wall.Elapsed.TotalSeconds)),
        });

        Assert.True(reports.Count >= 2, $"{reports.Count} progress reports over {plain.Engine.Events} events");
        Assert.Equal(reports.OrderBy(r => r.SimNanos).Select(r => r.SimNanos), reports.Select(r => r.SimNanos));
        Assert.Equal(plain.Results.JournalSha256, watched.Results.JournalSha256);
        Assert.Equal(plain.Engine, watched.Engine);
    }

    [Theory]
    [InlineData(SmallScenarios.PartitionHealedAt1m)]
    [InlineData(SmallScenarios.NodeCrashedAt30s)]
    public void Moving_envelope_bytes_to_disk_does_not_change_the_run(string yaml)
    {
        // Bytes move at the first poll after storage, and chain blocks as they are sealed, so replicas catching up
        // after the partition or the crash, members reading history, and the restarted node's chain backfill read
        // what they get back from the scratch file.
        var scenario = SmallScenarios.Parse(yaml);
        using var bytes = new ScratchFile("envelopes-test");
        var moved = RunToHash(scenario, bytes, out var stores);
        var inMemory = RunToHash(scenario, null, out _);

        Assert.Equal(inMemory, moved);
        var rows = stores.Values.SelectMany(s => s.Since(100, 0, int.MaxValue)).ToList();
        Assert.True(rows.Count > 50, $"{rows.Count} rows of node 100");
        Assert.All(rows, r => Assert.True(r.BytesMoved, $"{r.Id} kept its bytes"));
        Assert.True(bytes.Length >= rows.Distinct().Sum(r => (long)r.RawLength), $"{bytes.Length} bytes on disk");
    }

    [Theory]
    [InlineData(SmallScenarios.Base)]
    [InlineData(SmallScenarios.NodeCrashedAt30s)]
    public void Making_real_signatures_on_a_lane_does_not_change_the_run(string yaml)
    {
        // With bytes moved at the first poll, the move itself reads signatures the lane may still be making.
        var scenario = SmallScenarios.Parse(yaml, "crypto=real");
        using var bytes = new ScratchFile("envelopes-test");
        var onLane = RunToHash(scenario, bytes, out var stores, signingLane: true);
        var inline = RunToHash(scenario, null, out _, signingLane: false);

        Assert.Equal(inline, onLane);

        // The journal names no signature bytes: check the bytes themselves, every signature recovered for real.
        var uncached = new RealSignatureScheme(Secp256k1Backends.Default);
        var rows = new uint[] { 100, 200, 300 }.SelectMany(originator => stores[100].Since(originator, 0, int.MaxValue)).ToList();
        Assert.True(rows.Count > 150, $"{rows.Count} rows in node 100's store");
        Assert.All(rows, row =>
        {
            Assert.True(row.BytesMoved, $"{row.Id} kept its bytes");
            var parsed = EnvelopeParser.ParseOriginator(row.Raw, uncached).Unwrap();
            Assert.Equal(row.OriginatorSigner, parsed.OriginatorSigner);
            Assert.Equal(row.PayerAddress, parsed.PayerAddress);
        });
    }

    private static string RunToHash(
        Scenarios.Scenario scenario, ScratchFile? bytes, out IReadOnlyDictionary<uint, NodeStore> stores, bool signingLane = true)
    {
        using var journal = new JournalWriter();
        var built = SimulationBuilder.Build(scenario, journal, 1, bytes, bytesInMemoryNanos: 0, signingLane);
        using (built.Engine)
        {
            built.Engine.Run(built.EndNanos);
        }

        stores = built.Stores;
        return journal.Finish();
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
