using System.Buffers.Binary;
using System.Text;
using XmtpSim.Engine;
using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.Selection;
using XmtpSim.Scenarios;

namespace XmtpSim.Simulation;

/// <summary>
/// Draws the workload from the scenario and the seed, with its own random stream, so the plan is the same
/// whatever else changes: client regions (by the region fractions), keys, read-node preference (the
/// client's own region first, starting at the stable-hash position of its installation key), gateway,
/// start time, and the groups with sizes from <c>workload.group_size</c>.
/// </summary>
public static class WorkloadPlanner
{
    /// <summary>Clients come online spread over this much time per client, up to a fifth of the run.</summary>
    private const long StartSpreadPerClientNanos = 2 * SimTime.NanosPerMilli;

    /// <summary>Builds the plan.</summary>
    public static WorkloadPlan Plan(Scenario scenario, IReadOnlyList<RegionLayout> regions)
    {
        var seed = (ulong)scenario.Seed;
        var random = SimRandom.ForActor(seed, "workload");
        var workload = scenario.Workload;
        var spread = Math.Min(SimTime.Nanos(scenario.Duration) / 5, workload.Clients * StartSpreadPerClientNanos);
        var clients = new List<ClientPlan>(workload.Clients);
        var allNodes = regions.SelectMany(r => r.NodeIds).Order().ToList();
        for (var i = 0; i < workload.Clients; i++)
        {
            var installation = Derive("installation", seed, i, 32);
            var region = PickRegion(regions, random.NextDouble());
            var preferred = StableHashSelector.Select(installation, regions[region].NodeIds) ?? allNodes[0];
            var local = Rotate(regions[region].NodeIds.Order().ToList(), preferred);
            var remote = allNodes.Except(local).ToList();
            var readNodes = local.Concat(remote.Count == 0 ? [] : Rotate(remote, remote[i % remote.Count])).ToList();
            clients.Add(new ClientPlan(
                i, installation, Derive("inbox", seed, i, 32), region, readNodes, i % scenario.Network.Gateways,
                spread == 0 ? 0 : random.NextInt64(spread)));
        }

        var groups = new List<GroupPlanEntry>(workload.Groups);
        for (var g = 0; g < workload.Groups && workload.Clients >= 2; g++)
        {
            var size = (int)Math.Clamp(workload.GroupSize.Sample(random, 2, workload.Clients), 2, workload.Clients);
            var creator = random.Next(workload.Clients);
            var members = new SortedSet<int>();
            while (members.Count < size - 1)
            {
                var member = random.Next(workload.Clients);
                if (member != creator)
                {
                    members.Add(member);
                }
            }

            groups.Add(new GroupPlanEntry(Derive("group", seed, g, 16), creator, members.ToList()));
        }

        return new WorkloadPlan(clients, groups);
    }

    private static int PickRegion(IReadOnlyList<RegionLayout> regions, double draw)
    {
        var cumulative = 0.0;
        for (var r = 0; r < regions.Count; r++)
        {
            cumulative += regions[r].ClientFraction;
            if (draw < cumulative)
            {
                return r;
            }
        }

        return regions.Count - 1;
    }

    private static List<uint> Rotate(List<uint> ordered, uint first)
    {
        var start = Math.Max(0, ordered.IndexOf(first));
        return ordered.Skip(start).Concat(ordered.Take(start)).ToList();
    }

    /// <summary>Deterministic identifiers: Keccak-256("xmtpsim|label|seed|index"), truncated.</summary>
    private static byte[] Derive(string label, ulong seed, int index, int length)
    {
        var prefix = Encoding.ASCII.GetBytes($"xmtpsim|{label}|");
        var input = new byte[prefix.Length + 12];
        prefix.CopyTo(input, 0);
        BinaryPrimitives.WriteUInt64BigEndian(input.AsSpan(prefix.Length), seed);
        BinaryPrimitives.WriteInt32BigEndian(input.AsSpan(prefix.Length + 8), index);
        return Keccak256.Hash(input).AsSpan(0, length).ToArray();
    }
}
