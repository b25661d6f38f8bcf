using XmtpSim.Actors.Node;
using XmtpSim.Engine;

namespace XmtpSim.Simulation;

/// <summary>A network ready to run: the engine with every actor registered, and what the runner needs to know of it.</summary>
public sealed record BuiltSimulation(
    SimulationEngine Engine,
    IReadOnlyList<uint> NodeIds,
    IReadOnlyDictionary<uint, NodeStore> Stores,
    WorkloadPlan Plan,
    IReadOnlyList<RegionLayout> Regions,
    string CryptoScheme,
    long EndNanos);
