using XmtpSim.Checks.Recording;
using XmtpSim.Engine.Journal;
using XmtpSim.Scenarios;

namespace XmtpSim.Simulation.Tests;

/// <summary>Small scenarios that run in well under a second each.</summary>
internal static class SmallScenarios
{
    public const string Base = """
        name: small
        seed: 5
        duration: 2m
        drain: 30s
        crypto: modeled
        network:
          nodes: 3
          gateways: 1
          latency: { dist: lognormal, median: 30ms, p99: 120ms }
        workload:
          clients: 40
          groups: 8
          group_size: { dist: uniform, min: 2, max: 6 }
          message_rate_per_client: 0.05
          message_bytes: { dist: lognormal, median: 256B, p99: 2KiB }
          commit_rate_per_group: 0.01
        checks:
          - no_loss
          - causal_order
          - chain_order
          - convergence
          - { latency_p99_below: 2s }
          - { delivered_ratio_at_least: 0.999 }
        """;

    /// <summary><see cref="Base"/> with node 100 cut off from 30 s to 1 m: healed in time to converge.</summary>
    public const string PartitionHealedAt1m = Base + """

        faults:
          - { at: 30s, partition: [[100], [200, 300]] }
          - { at: 1m, heal: all }
        """;

    /// <summary><see cref="Base"/> with node 200 down from 30 s to 1 m: it backfills the app chain from its last indexed block.</summary>
    public const string NodeCrashedAt30s = Base + """

        faults:
          - { at: 30s, crash: 200, restart_after: 30s }
        """;

    public static Scenario Parse(string yaml, params string[] overrides) => ScenarioLoader.Parse(yaml, "test.yaml", overrides);

    /// <summary>Builds and runs <paramref name="yaml"/> with a recorder on its journal; the history is complete on return.</summary>
    public static RecordedHistory Record(string yaml, params string[] overrides)
    {
        var built = SimulationBuilder.Build(Parse(yaml, overrides), new JournalWriter(), 1);
        var recorder = JournalRecorder.Attach(built.Engine.Journal, built.NodeIds);
        using (built.Engine)
        {
            built.Engine.Run(built.EndNanos);
        }

        built.Engine.Journal.Finish(); // the recorder records on the journal's thread: complete once it is finished
        return recorder.History;
    }

    public static RunOutcome Run(string yaml, int parallelism = 1, params string[] overrides) =>
        SimulationRunner.Run(Parse(yaml, overrides), new RunSettings { Parallelism = parallelism });
}
