using Google.Protobuf;
using XmtpSim.Actors;
using XmtpSim.Actors.Chain;
using XmtpSim.Actors.Client;
using XmtpSim.Actors.Faults;
using XmtpSim.Actors.Gateway;
using XmtpSim.Actors.Messages;
using XmtpSim.Actors.Node;
using XmtpSim.Engine;
using XmtpSim.Engine.Journal;
using XmtpSim.Engine.Network;
using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.Storage;
using XmtpSim.Scenarios;
using XmtpSim.Scenarios.Distributions;

namespace XmtpSim.Simulation;

/// <summary>
/// Turns a scenario into a registered network: settlement chain, app chain, nodes 100, 200, …, gateways,
/// the nemesis and the clients, in that (index) order, with keys, regions, latency matrix and workload all
/// derived from the scenario and its seed.
/// </summary>
public static class SimulationBuilder
{
    /// <summary>Each gateway's PayerRegistry deposit at start: $1,000 in microdollars.</summary>
    private const ulong GatewayDepositMicrodollars = 1_000_000_000;

    // Recoveries remembered per run: about 25 MB at most, enough for every envelope in flight to be
    // verified once by the first node and answered from the cache at the others.
    private const int RecoveryCacheEntries = 1 << 17;

    /// <summary>
    /// How long, by its originator timestamp, a stored envelope keeps its bytes (and the layers decoded from them)
    /// in memory when the nodes have a scratch file: replicas and subscribers read them within a second. Later
    /// reads decode the file again; in the first 6 hours of mainnet-day those are about 25,000 welcomes read by
    /// members who join late. A longer window costs more than those reads: an envelope's layers (16 objects, about
    /// 1.4 KB) then outlive several collections and are copied into gen1 and gen2 before they die; with ten
    /// minutes the 6 hours took 17 % longer to simulate (bench/README.md, "What survives a gen0 collection").
    /// </summary>
    public static readonly long EnvelopeBytesInMemoryNanos = 60 * SimTime.NanosPerSecond;

    /// <summary>
    /// Builds (but does not start) the simulation. With <paramref name="envelopeBytes"/>, node stores move the
    /// bytes of envelopes older than <paramref name="bytesInMemoryNanos"/> (<see cref="EnvelopeBytesInMemoryNanos"/>
    /// when null) there, and the app chain its blocks sealed longer ago than that; without it, every envelope and
    /// block stays in memory. Results are the same either way, and with <paramref name="signingLane"/> off, when
    /// nodes and gateways make real signatures on their own threads instead of <see cref="SigningLane.Shared"/>.
    /// </summary>
    public static BuiltSimulation Build(
        Scenario scenario, JournalWriter journal, int parallelism, ScratchFile? envelopeBytes = null, long? bytesInMemoryNanos = null,
        bool signingLane = true)
    {
        var nodeIds = scenario.Network.NodeIds.Select(id => (uint)id).ToList();
        IReadOnlyList<RegionLayout> regions = Regions(scenario, nodeIds);

        // First: the engine starts Akka.NET in the background while the keys, the workload and the actors are made.
        var engine = new SimulationEngine(EngineOptions(scenario, regions, parallelism), journal);
        try
        {
            return Populate(engine, scenario, nodeIds, regions, envelopeBytes, bytesInMemoryNanos, signingLane);
        }
        catch
        {
            engine.Dispose(); // stops the actor system; the exception is the caller's
            throw;
        }
    }

    private static BuiltSimulation Populate(
        SimulationEngine engine, Scenario scenario, List<uint> nodeIds, IReadOnlyList<RegionLayout> regions,
        ScratchFile? envelopeBytes, long? bytesInMemoryNanos, bool signingLane)
    {
        var seed = (ulong)scenario.Seed;
        var regionOfNode = regions.SelectMany(r => r.NodeIds.Select(n => (n, r.Index))).ToDictionary(x => x.n, x => x.Index);
        var costs = new CryptoCosts(SimTime.Nanos(scenario.CryptoCost.Sign), SimTime.Nanos(scenario.CryptoCost.Recover));

        var nodeKeys = nodeIds.ToDictionary(id => id, id => SigningKey.Derive($"node-{id}", seed));
        var payerKeys = Enumerable.Range(1, scenario.Network.Gateways).Select(g => SigningKey.Derive($"gateway-{g}", seed)).ToList();
        ISignatureScheme scheme;
        SigningLane? lane = null;
        if (scenario.Crypto == CryptoMode.Modeled)
        {
            var modeled = new ModeledSignatureScheme();
            foreach (var key in nodeKeys.Values.Concat(payerKeys))
            {
                modeled.Register(key);
            }

            scheme = modeled;
        }
        else
        {
            // Every node recovers the same payer and originator signatures; the cache does the arithmetic once.
            scheme = new RealSignatureScheme(Secp256k1Backends.Default, new RecoveryCache(RecoveryCacheEntries));

            // A real signature costs tens of microseconds, and what a node or gateway signs is not read until later
            // (a node's envelope when it is replicated or moved out of memory, a payer's when a node receives it): the
            // lane makes them on the other core meanwhile. (A modeled one costs about what handing it over would.)
            lane = signingLane ? SigningLane.Shared : null;
        }

        var plan = WorkloadPlanner.Plan(scenario, regions);
        var workloadEnd = SimTime.Nanos(scenario.Duration);
        var registered = new List<RegisteredNode>();
        var cold = envelopeBytes is null ? null : new ColdStorage(envelopeBytes, bytesInMemoryNanos ?? EnvelopeBytesInMemoryNanos);
        var stores = nodeIds.ToDictionary(id => id, _ => new NodeStore(cold));

        var settlement = engine.Register("settlement", sim => SettlementChainActor.Props(sim, SettlementChainSettings.Create(
            registered, scenario.Fees, payerKeys.Select(k => new PayerDeposit(k.Address, GatewayDepositMicrodollars)).ToList())));
        var appChain = engine.Register("appchain", sim => AppChainActor.Props(sim, AppChainSettings.From(scenario.AppChain), new ChainBlockArchive(cold)));

        var nodeActors = new Dictionary<uint, ActorId>();
        foreach (var id in nodeIds)
        {
            var settings = new NodeSettings
            {
                NodeId = id,
                Key = nodeKeys[id],
                Scheme = scheme,
                SigningLane = lane,
                Costs = costs,
                AppChain = appChain,
                Settlement = settlement,
                PollIntervalNanos = SimTime.Nanos(scenario.Network.NodePollInterval),
            };
            var store = stores[id];
            nodeActors[id] = engine.Register($"node-{id}", sim => NodeActor.Props(sim, settings, store),
                regionOfNode[id], scenario.Network.BandwidthBitsPerSecond);
            registered.Add(new RegisteredNode(id, nodeActors[id], nodeKeys[id].Address, ByteString.CopyFrom(nodeKeys[id].PublicKey),
                $"http://node-{id}.xmtpsim.local:5050", IsCanonical: true));
        }

        var gateways = new List<ActorId>();
        for (var g = 0; g < payerKeys.Count; g++)
        {
            var settings = new GatewaySettings
            {
                PayerKey = payerKeys[g],
                Scheme = scheme,
                SigningLane = lane,
                Costs = costs,
                AppChain = appChain,
                Settlement = settlement,
                RetentionDays = (uint)Math.Min(scenario.Workload.RetentionDays, uint.MaxValue),
            };
            gateways.Add(engine.Register($"gateway-{g + 1}", sim => GatewayActor.Props(sim, settings)));
        }

        var faults = scenario.Faults;
        engine.Register("nemesis", sim => NemesisActor.Props(sim, faults, id => nodeActors[(uint)id]));

        var created = plan.Groups.ToLookup(g => g.Creator);
        foreach (var client in plan.Clients)
        {
            var settings = new ClientSettings
            {
                Index = client.Index,
                InstallationKey = client.InstallationKey,
                InboxId = client.InboxId,
                Gateway = gateways[client.Gateway],
                ReadNodes = client.ReadNodes.Select(n => nodeActors[n]).ToList(),
                StartNanos = client.StartNanos,
                WorkloadEndNanos = workloadEnd,
                MessageRatePerSecond = scenario.Workload.MessageRatePerClient,
                MessageBytes = scenario.Workload.MessageBytes.Sample,
                CreatesGroups = created[client.Index]
                    .Select(g => new GroupPlan(g.GroupId, g.Members.Select(m => plan.Clients[m].InstallationKey).ToList()))
                    .ToList(),
                CommitRatePerGroup = scenario.Workload.CommitRatePerGroup,
                IdentityUpdates = scenario.Workload.IdentityUpdatesPerClient,
                KeyPackages = scenario.Workload.KeyPackagesPerClient,
                Costs = costs,
            };
            engine.Register($"client-{client.Index}", sim => ClientActor.Props(sim, settings), client.Region);
        }

        return new BuiltSimulation(engine, nodeIds, stores, plan, regions, scheme.Name, workloadEnd + SimTime.Nanos(scenario.Drain));
    }

    private static List<RegionLayout> Regions(Scenario scenario, IReadOnlyList<uint> nodeIds)
    {
        if (scenario.Network.Regions.Count == 0)
        {
            return [new RegionLayout(0, "default", nodeIds, 1.0)];
        }

        return scenario.Network.Regions
            .Select((r, i) => new RegionLayout(i, r.Name, r.Nodes.Select(n => (uint)n).ToList(), r.ClientFraction))
            .ToList();
    }

    private static EngineOptions EngineOptions(Scenario scenario, IReadOnlyList<RegionLayout> regions, int parallelism)
    {
        var between = new Dictionary<(int From, int To), ILatency>();
        if (scenario.Network.Regions.Count > 0)
        {
            foreach (var from in regions)
            {
                foreach (var to in regions)
                {
                    between[(from.Index, to.Index)] = Latency(scenario.Network.Latency.For(from.Name, to.Name), $"{from.Name}/{to.Name}");
                }
            }
        }

        return new EngineOptions
        {
            Seed = (ulong)scenario.Seed,
            Parallelism = parallelism,
            Network = new Engine.Network.NetworkOptions
            {
                DefaultLatency = Latency(scenario.Network.Latency.Default, "default"),
                Between = between,
                Loss = scenario.Network.Loss,
                Duplicate = scenario.Network.Duplicate,
            },
        };
    }

    private static SampledLatency Latency(DurationDistribution distribution, string name) =>
        new(distribution.Seconds.Sample, name);
}
