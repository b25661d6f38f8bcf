namespace XmtpSim.Scenarios;

/// <summary>One entry of <c>network.regions</c>: a named place holding some nodes and a share of the clients.</summary>
/// <param name="Name">The region's key in the file, e.g. <c>us-east</c>.</param>
/// <param name="Nodes">Node ids placed in this region (each node is in exactly one region).</param>
/// <param name="ClientFraction">Share of <c>workload.clients</c> placed here, 0..1; all regions sum to 1.</param>
public sealed record RegionOptions(string Name, IReadOnlyList<int> Nodes, double ClientFraction);
