using XmtpSim.Scenarios.Faults;

namespace XmtpSim.Scenarios;

/// <summary>
/// Checks a bound <see cref="Scenario"/> as a whole: the fault schedule fits in <c>duration</c>,
/// names existing nodes, partitions are disjoint and healed, and asks only for what the engine
/// supports today. Runs on scenarios built in code too, so its errors point at
/// <see cref="Fault.Location"/>.
/// </summary>
public static class ScenarioValidator
{
    /// <summary>The message for Byzantine faults until the engine plays them.</summary>
    public const string ByzantineNotSupported =
        "byzantine faults are not supported yet: the engine cannot play them, and a run must not silently ignore a fault";

    /// <summary>Every problem found; empty when the scenario can run.</summary>
    public static IReadOnlyList<ScenarioError> Validate(Scenario scenario)
    {
        var errors = new List<ScenarioError>();
        var network = scenario.Network;
        var duration = scenario.Duration;
        var downUntil = new Dictionary<int, TimeSpan>();

        foreach (var fault in scenario.Faults)
        {
            void Error(string message, string? key = null) =>
                errors.Add(ScenarioError.At(key is null ? fault.Location : fault.Location with { KeyPath = $"{fault.Location.KeyPath}.{key}" }, message));

            if (fault.At > duration)
            {
                Error($"starts at {ScenarioUnits.FormatDuration(fault.At)}, after the workload ends (duration {ScenarioUnits.FormatDuration(duration)})", "at");
            }
            else if (fault.Until is { } until && until > duration)
            {
                Error($"ends at {ScenarioUnits.FormatDuration(until)}, after the workload ends (duration {ScenarioUnits.FormatDuration(duration)}); every fault ends by duration");
            }

            foreach (var id in NodesOf(fault).Where(id => !network.HasNode(id)).Distinct())
            {
                Error($"node {id} does not exist (network.nodes = {network.Nodes}: ids 100..{network.Nodes * NetworkOptions.NodeIdStep})");
            }

            switch (fault)
            {
                case PartitionFault partition:
                    var seen = new HashSet<int>();
                    foreach (var id in partition.Groups.SelectMany(g => g))
                    {
                        if (!seen.Add(id))
                        {
                            Error($"node {id} is in more than one partition group; groups must be disjoint", "partition");
                        }
                    }

                    if (partition.Until is null && !IsHealed(partition, scenario.Faults, duration))
                    {
                        Error($"the partition is never healed by duration ({ScenarioUnits.FormatDuration(duration)}); add 'for' or a later {{ heal: all }}", "partition");
                    }

                    break;
                case CrashFault crash:
                    if (downUntil.TryGetValue(crash.Node, out var restart) && crash.At < restart)
                    {
                        Error($"node {crash.Node} is already down until {ScenarioUnits.FormatDuration(restart)}", "crash");
                    }

                    downUntil[crash.Node] = crash.Until ?? TimeSpan.MaxValue;
                    break;
                case ByzantineFault:
                    Error(ByzantineNotSupported, "byzantine");
                    break;
            }
        }

        return errors;
    }

    private static IEnumerable<int> NodesOf(Fault fault) => fault switch
    {
        PartitionFault p => p.Groups.SelectMany(g => g),
        HealFault h => h.Nodes ?? [],
        CrashFault c => [c.Node],
        LatencyFault l => l.Nodes,
        ResetFault r => r.Nodes,
        ByzantineFault b => b.Peers.Prepend(b.Node),
        _ => [],
    };

    /// <summary>
    /// Whether heals between the partition's start and <paramref name="duration"/> restore every
    /// link it cut: a <c>heal: all</c>, or specific heals covering every group but at most one
    /// (a cut link a–b is restored when a heal lists a or b).
    /// </summary>
    private static bool IsHealed(PartitionFault partition, IReadOnlyList<Fault> faults, TimeSpan duration)
    {
        var heals = faults.OfType<HealFault>().Where(h => h.At >= partition.At && h.At <= duration).ToList();
        if (heals.Any(h => h.All))
        {
            return true;
        }

        var listed = heals.SelectMany(h => h.Nodes!).ToHashSet();
        return partition.Groups.Count(g => !g.All(listed.Contains)) <= 1;
    }
}
