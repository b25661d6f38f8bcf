namespace XmtpSim.Simulation;

/// <summary>A region as the runner uses it: its index in the latency matrix, its nodes and its share of clients.</summary>
public sealed record RegionLayout(int Index, string Name, IReadOnlyList<uint> NodeIds, double ClientFraction);
