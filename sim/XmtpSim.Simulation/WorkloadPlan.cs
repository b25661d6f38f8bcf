namespace XmtpSim.Simulation;

/// <summary>Who the clients are and which groups exist: drawn once from the scenario and the seed.</summary>
public sealed record WorkloadPlan(IReadOnlyList<ClientPlan> Clients, IReadOnlyList<GroupPlanEntry> Groups);

/// <summary>One installation: keys, region, preferred read nodes, when it comes online.</summary>
public sealed record ClientPlan(int Index, byte[] InstallationKey, byte[] InboxId, int Region, IReadOnlyList<uint> ReadNodes, int Gateway, long StartNanos);

/// <summary>One group: id, creator and the other members (client indexes).</summary>
public sealed record GroupPlanEntry(byte[] GroupId, int Creator, IReadOnlyList<int> Members);
