using System.Globalization;
using System.Text.RegularExpressions;
using XmtpSim.Scenarios.Checks;
using XmtpSim.Scenarios.Distributions;
using XmtpSim.Scenarios.Faults;
using YamlDotNet.RepresentationModel;

namespace XmtpSim.Scenarios.Loading;

/// <summary>
/// Binds a YAML tree to a <see cref="Scenario"/>, collecting every error with its position. Values
/// that fail to bind fall back to their defaults so that binding can go on and report the rest.
/// </summary>
internal sealed partial class ScenarioBinder
{
    private static readonly string[] RootKeys =
        ["name", "seed", "duration", "drain", "crypto", "crypto_cost", "journal", "network", "appchain", "fees", "workload", "faults", "checks"];

    private static readonly string[] NetworkKeys =
        ["nodes", "gateways", "regions", "latency", "loss", "duplicate", "bandwidth", "node_poll_interval"];

    private static readonly string[] FaultKinds = ["partition", "heal", "crash", "latency", "reset", "byzantine"];

    private static readonly string[] DistributionKinds = ["constant", "uniform", "normal", "lognormal", "exponential", "pareto", "zipf"];

    private static readonly string[] CheckNames =
        ["no_loss", "causal_order", "chain_order", "convergence", "misbehavior_detected", "latency_p99_below", "delivered_ratio_at_least"];

    private static readonly Dictionary<string, ByzantineBehaviour> Behaviours = new(StringComparer.Ordinal)
    {
        ["equivocate"] = ByzantineBehaviour.Equivocate,
        ["tamper"] = ByzantineBehaviour.Tamper,
        ["forge_signature"] = ByzantineBehaviour.ForgeSignature,
        ["withhold"] = ByzantineBehaviour.Withhold,
        ["censor"] = ByzantineBehaviour.Censor,
        ["reorder"] = ByzantineBehaviour.Reorder,
        ["inflate_fees"] = ByzantineBehaviour.InflateFees,
    };

    private readonly string _file;
    private readonly IReadOnlyDictionary<YamlNode, string> _origins;
    private readonly List<ScenarioError> _errors = [];

    public ScenarioBinder(string file, IReadOnlyDictionary<YamlNode, string> origins)
    {
        _file = file;
        _origins = origins;
    }

    private delegate bool Parser<T>(YamlNode node, string path, out T value);

    /// <summary>Which unit a distribution's values are in.</summary>
    private enum Unit
    {
        Duration,
        Size,
        Count,
    }

    public IReadOnlyList<ScenarioError> Errors => _errors;

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex SafeName();

    public SourceLocation Locate(YamlNode node, string path) =>
        _origins.TryGetValue(node, out var option)
            ? new SourceLocation(option, 0, 0, path)
            : new SourceLocation(_file, (int)node.Start.Line, (int)node.Start.Column, path);

    public void Error(YamlNode node, string path, string message) => _errors.Add(ScenarioError.At(Locate(node, path), message));

    public Scenario Bind(YamlNode? root)
    {
        if (root is not YamlMappingNode mapping)
        {
            if (root is null)
            {
                _errors.Add(new ScenarioError(_file, 1, 1, "", "the scenario is empty; expected a mapping with at least 'name'"));
            }
            else
            {
                Error(root, "", "expected a mapping of scenario keys at the top level");
            }

            mapping = new YamlMappingNode();
        }

        var f = new YamlFields(this, mapping, "", RootKeys);
        var name = "";
        if (f["name"] is { } nameNode)
        {
            if (Text(nameNode, "name", out var text))
            {
                if (SafeName().IsMatch(text))
                {
                    name = text;
                }
                else
                {
                    Error(nameNode, "name", $"'{text}' must use only letters, digits, '.', '_' and '-' (it names the output folder)");
                }
            }
        }
        else
        {
            Error(f.KeyNode("name") ?? mapping, "name", "missing required key 'name'");
        }

        var seed = Value(f, "seed", 1L, (YamlNode n, string p, out long v) => Integer(n, p, 0, long.MaxValue, out v));
        var duration = Value(f, "duration", TimeSpan.FromMinutes(10), PositiveDuration);
        var drain = Value(f, "drain", TimeSpan.FromMinutes(2), Duration);
        var crypto = Value(f, "crypto", CryptoMode.Real, (YamlNode n, string p, out CryptoMode v) =>
            Choice(n, p, new Dictionary<string, CryptoMode> { ["real"] = CryptoMode.Real, ["modeled"] = CryptoMode.Modeled }, out v));
        var cryptoCost = Section(f, "crypto_cost", BindCryptoCost, CryptoCostOptions.Default);
        var journal = Value(f, "journal", JournalMode.Full, (YamlNode n, string p, out JournalMode v) =>
            Choice(n, p, new Dictionary<string, JournalMode> { ["full"] = JournalMode.Full, ["compressed"] = JournalMode.Compressed, ["hash-only"] = JournalMode.HashOnly }, out v));
        var network = BindNetwork(f["network"], f.Path("network"));
        var appChain = Section(f, "appchain", BindAppChain, new AppChainOptions(TimeSpan.FromMilliseconds(250), 32_000_000, 128 * 1024));
        var fees = BindFees(f["fees"], f.Path("fees"), duration);
        var workload = BindWorkload(f["workload"], f.Path("workload"));
        var faults = BindFaults(f["faults"], f.Path("faults"));
        var checks = BindChecks(f["checks"], f.Path("checks"));

        return new Scenario(name, seed, duration, drain, crypto, cryptoCost, journal, network, appChain, fees, workload, faults, checks);
    }

    // ---- sections -------------------------------------------------------------------------

    private T Section<T>(YamlFields parent, string key, Func<YamlFields, T> bind, T fallback)
    {
        if (parent[key] is not { } node)
        {
            return bind(new YamlFields(this, new YamlMappingNode(), parent.Path(key), []));
        }

        if (node is not YamlMappingNode mapping)
        {
            Error(node, parent.Path(key), "expected a mapping");
            return fallback;
        }

        return bind(Open(mapping, parent.Path(key)));
    }

    private YamlFields Open(YamlMappingNode node, string path) => new(this, node, path, AllowedKeys(path));

    private static string[] AllowedKeys(string path) => path switch
    {
        "crypto_cost" => ["sign", "recover"],
        "appchain" => ["block_time", "gas_limit_per_block", "max_tx_bytes"],
        _ => [],
    };

    private CryptoCostOptions BindCryptoCost(YamlFields f) => new(
        Value(f, "sign", CryptoCostOptions.Default.Sign, Duration),
        Value(f, "recover", CryptoCostOptions.Default.Recover, Duration));

    private AppChainOptions BindAppChain(YamlFields f) => new(
        Value(f, "block_time", TimeSpan.FromMilliseconds(250), PositiveDuration),
        Value(f, "gas_limit_per_block", 32_000_000L, (YamlNode n, string p, out long v) => Integer(n, p, 1, long.MaxValue, out v)),
        Value(f, "max_tx_bytes", 128L * 1024, PositiveSize));

    private NetworkOptions BindNetwork(YamlNode? node, string path)
    {
        var f = Mapping(node, path, NetworkKeys);
        var nodes = (int)Value(f, "nodes", 3L, (YamlNode n, string p, out long v) => Integer(n, p, 1, 1000, out v));
        var gateways = (int)Value(f, "gateways", 1L, (YamlNode n, string p, out long v) => Integer(n, p, 1, 1000, out v));
        var regions = BindRegions(f["regions"], f.Path("regions"), nodes);
        var latency = BindLatency(f["latency"], f.Path("latency"), regions);
        return new NetworkOptions(
            nodes,
            gateways,
            regions,
            latency,
            Value(f, "loss", 0.0, Fraction),
            Value(f, "duplicate", 0.0, Fraction),
            Value(f, "bandwidth", 1_000_000_000L, Bandwidth),
            Value(f, "node_poll_interval", TimeSpan.FromMilliseconds(100), PositiveDuration));
    }

    private List<RegionOptions> BindRegions(YamlNode? node, string path, int nodeCount)
    {
        var regions = new List<RegionOptions>();
        if (node is null)
        {
            return regions;
        }

        if (node is not YamlMappingNode mapping)
        {
            Error(node, path, "expected a mapping of region name to { nodes: [ids], clients: fraction }");
            return regions;
        }

        var owner = new Dictionary<int, string>();
        var sum = 0.0;
        foreach (var (keyNode, value) in mapping.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value ?? "";
            var regionPath = YamlFields.Join(path, name);
            if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal))
            {
                Error(keyNode, regionPath, "a region name must be non-empty and must not contain '/'");
                continue;
            }

            if (value is not YamlMappingNode regionNode)
            {
                Error(value, regionPath, "expected { nodes: [ids], clients: fraction }");
                continue;
            }

            var f = new YamlFields(this, regionNode, regionPath, ["nodes", "clients"]);
            var ids = new List<int>();
            if (f["nodes"] is { } idsNode)
            {
                foreach (var (idNode, idPath) in Items(idsNode, f.Path("nodes")))
                {
                    if (!NodeId(idNode, idPath, nodeCount, out var id))
                    {
                        continue;
                    }

                    if (owner.TryGetValue(id, out var other))
                    {
                        Error(idNode, idPath, $"node {id} is already in region '{other}'; a node is in exactly one region");
                        continue;
                    }

                    owner[id] = name;
                    ids.Add(id);
                }
            }
            else
            {
                Error(f.KeyNode("nodes") ?? regionNode, f.Path("nodes"), "missing required key 'nodes' (a list of node ids, may be empty)");
            }

            var clients = 0.0;
            if (f["clients"] is { } clientsNode)
            {
                Fraction(clientsNode, f.Path("clients"), out clients);
            }
            else
            {
                Error(f.KeyNode("clients") ?? regionNode, f.Path("clients"), "missing required key 'clients' (the fraction of clients in this region)");
            }

            sum += clients;
            regions.Add(new RegionOptions(name, ids, clients));
        }

        if (regions.Count > 0)
        {
            if (Math.Abs(sum - 1.0) > 1e-9)
            {
                Error(mapping, path, string.Create(CultureInfo.InvariantCulture, $"region client fractions sum to {sum:R}; they must sum to 1"));
            }

            var missing = Enumerable.Range(1, nodeCount).Select(i => i * NetworkOptions.NodeIdStep).Where(id => !owner.ContainsKey(id)).ToList();
            if (missing.Count > 0)
            {
                Error(mapping, path, $"node(s) {string.Join(", ", missing)} are in no region; with regions, every node must be in one");
            }
        }

        return regions;
    }

    private LatencyOptions BindLatency(YamlNode? node, string path, List<RegionOptions> regions)
    {
        var fallback = new LatencyOptions(LatencyOptions.DefaultLatency, []);
        if (node is null)
        {
            return fallback;
        }

        // A plain duration or a distribution is shorthand for { default: … }.
        if (node is YamlScalarNode || (node is YamlMappingNode m && m.Children.ContainsKey(new YamlScalarNode("dist"))))
        {
            return new LatencyOptions(DurationDist(node, path) ?? LatencyOptions.DefaultLatency, []);
        }

        if (node is not YamlMappingNode mapping)
        {
            Error(node, path, "expected a duration, a distribution, or { default, between }");
            return fallback;
        }

        var f = new YamlFields(this, mapping, path, ["default", "between"]);
        var defaultLatency = f["default"] is { } d ? DurationDist(d, f.Path("default")) ?? LatencyOptions.DefaultLatency : LatencyOptions.DefaultLatency;
        var between = new List<RegionPairLatency>();
        if (f["between"] is { } betweenNode)
        {
            if (betweenNode is not YamlMappingNode pairs)
            {
                Error(betweenNode, f.Path("between"), "expected a mapping of 'from/to' region pairs to latencies");
            }
            else
            {
                var names = regions.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
                foreach (var (keyNode, value) in pairs.Children)
                {
                    var key = (keyNode as YamlScalarNode)?.Value ?? "";
                    var pairPath = YamlFields.Join(f.Path("between"), key);
                    var parts = key.Split('/');
                    if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                    {
                        Error(keyNode, pairPath, $"'{key}' is not a region pair; expected 'from/to', e.g. us-east/eu-west");
                        continue;
                    }

                    var unknown = parts.Where(p => !names.Contains(p)).ToList();
                    if (unknown.Count > 0)
                    {
                        Error(keyNode, pairPath, names.Count == 0
                            ? "latency.between needs network.regions; no regions are defined"
                            : $"unknown region '{unknown[0]}' (regions are {string.Join(", ", names)})");
                        continue;
                    }

                    if (DurationDist(value, pairPath) is { } latency)
                    {
                        between.Add(new RegionPairLatency(parts[0], parts[1], latency));
                    }
                }
            }
        }

        return new LatencyOptions(defaultLatency, between);
    }

    private FeeOptions BindFees(YamlNode? node, string path, TimeSpan duration)
    {
        var f = Mapping(node, path, ["message_fee", "storage_fee", "congestion_fee", "target_rate_per_minute", "rate_changes"]);
        Parser<long> picodollars = (YamlNode n, string p, out long v) => Integer(n, p, 0, long.MaxValue, out v);
        var changes = new List<RateChange>();
        var last = TimeSpan.Zero;
        foreach (var (item, itemPath) in Items(f["rate_changes"], f.Path("rate_changes")))
        {
            if (item is not YamlMappingNode itemMap)
            {
                Error(item, itemPath, "expected { at: duration, message_fee?, storage_fee?, congestion_fee?, target_rate_per_minute? }");
                continue;
            }

            var c = new YamlFields(this, itemMap, itemPath, ["at", "message_fee", "storage_fee", "congestion_fee", "target_rate_per_minute"]);
            if (c["at"] is not { } atNode)
            {
                Error(itemMap, c.Path("at"), "missing required key 'at'");
                continue;
            }

            if (!Duration(atNode, c.Path("at"), out var at))
            {
                continue;
            }

            if (at > duration)
            {
                Error(atNode, c.Path("at"), $"{ScenarioUnits.FormatDuration(at)} is after the end of the workload (duration {ScenarioUnits.FormatDuration(duration)})");
            }
            else if (at < last)
            {
                Error(atNode, c.Path("at"), "rate changes must be listed in increasing 'at' order");
            }

            last = at;
            changes.Add(new RateChange(
                at,
                Optional(c, "message_fee", picodollars),
                Optional(c, "storage_fee", picodollars),
                Optional(c, "congestion_fee", picodollars),
                Optional(c, "target_rate_per_minute", picodollars)));
        }

        return new FeeOptions(
            Value(f, "message_fee", 100L, picodollars),
            Value(f, "storage_fee", 200L, picodollars),
            Value(f, "congestion_fee", 300L, picodollars),
            Value(f, "target_rate_per_minute", 6000L, picodollars),
            changes);
    }

    private WorkloadOptions BindWorkload(YamlNode? node, string path)
    {
        var f = Mapping(node, path, [
            "clients", "groups", "group_size", "message_rate_per_client", "message_bytes", "commit_rate_per_group",
            "retention_days", "identity_updates_per_client", "key_packages_per_client"]);
        Parser<long> count = (YamlNode n, string p, out long v) => Integer(n, p, 0, int.MaxValue, out v);
        Parser<double> rate = (YamlNode n, string p, out double v) => Number(n, p, 0, double.MaxValue, out v);
        var clients = (int)Value(f, "clients", 1000L, count);
        var groups = (int)Value(f, "groups", 200L, count);
        var groupSize = new CountDistribution(new ZipfDistribution(1.2, Math.Min(2, Math.Max(1, clients)), Math.Max(1, Math.Min(250, clients))));
        if (f["group_size"] is { } sizeNode && Dist(sizeNode, f.Path("group_size"), Unit.Count) is { } sizeDist)
        {
            groupSize = new CountDistribution(sizeDist);
            if (groupSize.UpperBound != long.MaxValue && groupSize.UpperBound > clients)
            {
                Error(sizeNode, f.Path("group_size"), $"the largest group size ({groupSize.UpperBound}) is more than workload.clients ({clients})");
            }
        }

        var retention = Value(f, "retention_days", 60L, (YamlNode n, string p, out long v) =>
        {
            if (!Integer(n, p, 0, WorkloadOptions.RetentionForever, out v))
            {
                return false;
            }

            if (v is >= 2 and <= 365 || v == WorkloadOptions.RetentionForever)
            {
                return true;
            }

            Error(n, p, $"{v} is not an accepted retention: 2..365 days, or {WorkloadOptions.RetentionForever} for forever");
            return false;
        });

        return new WorkloadOptions(
            clients,
            groups,
            groupSize,
            Value(f, "message_rate_per_client", 0.01, rate),
            f["message_bytes"] is { } bytesNode && Dist(bytesNode, f.Path("message_bytes"), Unit.Size) is { } bytes
                ? new SizeDistribution(bytes)
                : new SizeDistribution(new LogNormalDistribution(256, 4096)),
            Value(f, "commit_rate_per_group", 0.0005, rate),
            retention,
            (int)Value(f, "identity_updates_per_client", 1L, count),
            (int)Value(f, "key_packages_per_client", 1L, count));
    }

    private List<Fault> BindFaults(YamlNode? node, string path)
    {
        var faults = new List<Fault>();
        foreach (var (item, itemPath) in Items(node, path))
        {
            if (item is not YamlMappingNode mapping)
            {
                Error(item, itemPath, $"expected a mapping with 'at' and one of {string.Join(", ", FaultKinds)}");
                continue;
            }

            var f = new YamlFields(this, mapping, itemPath, ["at", "for", "restart_after", .. FaultKinds]);
            var kinds = FaultKinds.Where(f.Has).ToList();
            if (kinds.Count != 1)
            {
                Error(mapping, itemPath, kinds.Count == 0
                    ? $"a fault needs one of {string.Join(", ", FaultKinds)}"
                    : $"a fault has exactly one kind; found {string.Join(" and ", kinds)}");
                continue;
            }

            var kind = kinds[0];
            if (f["at"] is not { } atNode)
            {
                Error(mapping, f.Path("at"), "missing required key 'at'");
                continue;
            }

            var ok = Duration(atNode, f.Path("at"), out var at);
            TimeSpan? forLength = null;
            if (f["for"] is { } forNode)
            {
                if (kind is "partition" or "latency" or "byzantine")
                {
                    ok &= PositiveDuration(forNode, f.Path("for"), out var length);
                    forLength = length;
                }
                else
                {
                    Error(f.KeyNode("for")!, f.Path("for"), $"'for' applies to partition, latency and byzantine faults, not {kind}");
                    ok = false;
                }
            }

            TimeSpan? restartAfter = null;
            if (f["restart_after"] is { } restartNode)
            {
                if (kind == "crash")
                {
                    ok &= PositiveDuration(restartNode, f.Path("restart_after"), out var length);
                    restartAfter = length;
                }
                else
                {
                    Error(f.KeyNode("restart_after")!, f.Path("restart_after"), "'restart_after' applies to crash faults only");
                    ok = false;
                }
            }

            var location = Locate(mapping, itemPath);
            var body = f[kind]!;
            var bodyPath = f.Path(kind);
            Fault? fault = kind switch
            {
                "partition" => BindPartition(body, bodyPath, at, forLength, location),
                "heal" => BindHeal(body, bodyPath, at, location),
                "crash" => NodeId(body, bodyPath, int.MaxValue, out var crashed) ? new CrashFault(at, crashed, restartAfter, location) : null,
                "latency" => BindLatencyFault(body, bodyPath, at, forLength, location),
                "reset" => BindReset(body, bodyPath, at, location),
                _ => BindByzantine(body, bodyPath, at, forLength, location),
            };

            if (ok && fault is not null)
            {
                faults.Add(fault);
            }
        }

        return faults;
    }

    private PartitionFault? BindPartition(YamlNode node, string path, TimeSpan at, TimeSpan? forLength, SourceLocation location)
    {
        if (node is not YamlSequenceNode)
        {
            Error(node, path, "expected a list of node-id groups, e.g. [[100, 200], [300]]");
            return null;
        }

        var groups = new List<IReadOnlyList<int>>();
        var ok = true;
        foreach (var (groupNode, groupPath) in Items(node, path))
        {
            var ids = NodeIds(groupNode, groupPath);
            ok &= ids is { Count: > 0 };
            if (ids is { Count: 0 })
            {
                Error(groupNode, groupPath, "a partition group needs at least one node");
            }

            groups.Add(ids ?? []);
        }

        if (groups.Count < 2)
        {
            Error(node, path, "a partition needs at least two groups");
            return null;
        }

        return ok ? new PartitionFault(at, groups, forLength, location) : null;
    }

    private HealFault? BindHeal(YamlNode node, string path, TimeSpan at, SourceLocation location)
    {
        if (node is YamlScalarNode { Value: "all" })
        {
            return new HealFault(at, null, location);
        }

        if (node is YamlScalarNode)
        {
            Error(node, path, "expected 'all' or a list of node ids");
            return null;
        }

        return NodeIds(node, path) is { Count: > 0 } ids ? new HealFault(at, ids, location) : null;
    }

    private LatencyFault? BindLatencyFault(YamlNode node, string path, TimeSpan at, TimeSpan? forLength, SourceLocation location)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, path, "expected { nodes: [ids], add: duration or distribution }");
            return null;
        }

        var f = new YamlFields(this, mapping, path, ["nodes", "add"]);
        var ids = f["nodes"] is { } idsNode ? NodeIds(idsNode, f.Path("nodes")) : Missing<List<int>>(mapping, f.Path("nodes"));
        var add = f["add"] is { } addNode ? DurationDist(addNode, f.Path("add")) : Missing<DurationDistribution>(mapping, f.Path("add"));
        return ids is { Count: > 0 } && add is not null ? new LatencyFault(at, ids, add, forLength, location) : null;
    }

    private ResetFault? BindReset(YamlNode node, string path, TimeSpan at, SourceLocation location)
    {
        var ids = NodeIds(node, path);
        if (ids is not null && ids.Count < 2)
        {
            Error(node, path, "a reset needs at least two nodes (the connections between them are broken)");
            return null;
        }

        return ids is null ? null : new ResetFault(at, ids, location);
    }

    private ByzantineFault? BindByzantine(YamlNode node, string path, TimeSpan at, TimeSpan? forLength, SourceLocation location)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, path, "expected { node, behaviour, probability, peers?, topics?, payers? }");
            return null;
        }

        var f = new YamlFields(this, mapping, path, ["node", "behaviour", "probability", "peers", "topics", "payers"]);
        var ok = true;
        var id = 0;
        if (f["node"] is { } idNode)
        {
            ok &= NodeId(idNode, f.Path("node"), int.MaxValue, out id);
        }
        else
        {
            ok = false;
            Missing(mapping, f.Path("node"));
        }

        var behaviour = ByzantineBehaviour.Equivocate;
        if (f["behaviour"] is { } behaviourNode)
        {
            ok &= Choice(behaviourNode, f.Path("behaviour"), Behaviours, out behaviour);
        }
        else
        {
            ok = false;
            Missing(mapping, f.Path("behaviour"));
        }

        var probability = Value(f, "probability", 1.0, Fraction);
        var peers = f["peers"] is { } peersNode ? NodeIds(peersNode, f.Path("peers")) ?? [] : [];
        var topics = Strings(f["topics"], f.Path("topics"));
        var payers = Strings(f["payers"], f.Path("payers"));
        if (ok && behaviour == ByzantineBehaviour.Withhold && peers.Count == 0)
        {
            Error(mapping, f.Path("peers"), "withhold needs 'peers': the node ids it withholds from");
            ok = false;
        }

        if (ok && behaviour == ByzantineBehaviour.Censor && topics.Count == 0 && payers.Count == 0)
        {
            Error(mapping, path, "censor needs 'topics' or 'payers'");
            ok = false;
        }

        return ok ? new ByzantineFault(at, id, behaviour, probability, peers, topics, payers, forLength, location) : null;
    }

    private List<Check> BindChecks(YamlNode? node, string path)
    {
        var checks = new List<Check>();
        foreach (var (item, itemPath) in Items(node, path))
        {
            if (item is YamlScalarNode { Value: { } name })
            {
                Check? check = name switch
                {
                    "no_loss" => NoLossCheck.Instance,
                    "causal_order" => CausalOrderCheck.Instance,
                    "chain_order" => ChainOrderCheck.Instance,
                    "convergence" => ConvergenceCheck.Instance,
                    "misbehavior_detected" => MisbehaviorDetectedCheck.Instance,
                    _ => null,
                };
                if (check is not null)
                {
                    checks.Add(check);
                }
                else if (name is "latency_p99_below" or "delivered_ratio_at_least")
                {
                    Error(item, itemPath, $"'{name}' needs a value: {{ {name}: … }}");
                }
                else
                {
                    Error(item, itemPath, $"unknown check '{name}' (expected one of {string.Join(", ", CheckNames)})");
                }

                continue;
            }

            if (item is YamlMappingNode { Children.Count: 1 } mapping)
            {
                var (keyNode, value) = mapping.Children.First();
                var checkName = (keyNode as YamlScalarNode)?.Value ?? "";
                var valuePath = YamlFields.Join(itemPath, checkName);
                switch (checkName)
                {
                    case "latency_p99_below":
                        if (PositiveDuration(value, valuePath, out var limit))
                        {
                            checks.Add(new LatencyP99BelowCheck(limit));
                        }

                        break;
                    case "delivered_ratio_at_least":
                        if (Fraction(value, valuePath, out var ratio))
                        {
                            checks.Add(new DeliveredRatioAtLeastCheck(ratio));
                        }

                        break;
                    default:
                        Error(keyNode, valuePath, $"unknown check '{checkName}' (expected one of {string.Join(", ", CheckNames)})");
                        break;
                }

                continue;
            }

            Error(item, itemPath, "expected a check name or a one-key mapping such as { latency_p99_below: 2s }");
        }

        return checks;
    }

    // ---- distributions ----------------------------------------------------------------------

    private DurationDistribution? DurationDist(YamlNode node, string path) =>
        Dist(node, path, Unit.Duration) is { } d ? new DurationDistribution(d) : null;

    private IDistribution? Dist(YamlNode node, string path, Unit unit)
    {
        if (node is YamlScalarNode)
        {
            return Quantity(node, path, unit, out var constant) ? new ConstantDistribution(constant) : null;
        }

        if (node is not YamlMappingNode mapping)
        {
            Error(node, path, $"expected a {UnitName(unit)} or {{ dist: {string.Join(" | ", DistributionKinds)}, … }}");
            return null;
        }

        var kindNode = mapping.Children.TryGetValue(new YamlScalarNode("dist"), out var k) ? k : null;
        if (kindNode is null)
        {
            Error(mapping, path, $"missing 'dist' (expected one of {string.Join(", ", DistributionKinds)})");
            return null;
        }

        var kind = (kindNode as YamlScalarNode)?.Value ?? "";
        string[] parameters = kind switch
        {
            "constant" => ["value"],
            "uniform" => ["min", "max"],
            "normal" => ["mean", "stddev"],
            "lognormal" => ["median", "p99"],
            "exponential" => ["mean"],
            "pareto" => ["scale", "shape", "min", "alpha"],
            "zipf" => ["s", "min", "max"],
            _ => [],
        };
        if (parameters.Length == 0)
        {
            Error(kindNode, YamlFields.Join(path, "dist"), $"unknown distribution '{kind}' (expected one of {string.Join(", ", DistributionKinds)})");
            return null;
        }

        var f = new YamlFields(this, mapping, path, ["dist", .. parameters]);
        var errorsBefore = _errors.Count;
        double Param(string key) => f[key] is { } n ? (Quantity(n, f.Path(key), unit, out var v) ? v : double.NaN) : MissingParam(key);
        double Plain(string key) => f[key] is { } n ? (Number(n, f.Path(key), 0, double.MaxValue, out var v) ? v : double.NaN) : MissingParam(key);
        double MissingParam(string key)
        {
            Error(mapping, f.Path(key), $"{kind} needs '{key}'");
            return double.NaN;
        }

        IDistribution? result = null;
        switch (kind)
        {
            case "constant":
                result = new ConstantDistribution(Param("value"));
                break;
            case "uniform":
                {
                    var (min, max) = (Param("min"), Param("max"));
                    if (min > max)
                    {
                        Error(mapping, path, "uniform needs min ≤ max");
                    }

                    result = new UniformDistribution(min, max, Discrete: unit == Unit.Count);
                    break;
                }

            case "normal":
                result = new NormalDistribution(Param("mean"), Param("stddev"));
                break;
            case "lognormal":
                {
                    var (median, p99) = (Param("median"), Param("p99"));
                    if (!(median > 0 && p99 > median) && !double.IsNaN(median) && !double.IsNaN(p99))
                    {
                        Error(mapping, path, "lognormal needs 0 < median < p99");
                    }

                    result = new LogNormalDistribution(median, p99);
                    break;
                }

            case "exponential":
                {
                    var mean = Param("mean");
                    if (mean <= 0)
                    {
                        Error(f["mean"]!, f.Path("mean"), "exponential needs mean > 0");
                    }

                    result = new ExponentialDistribution(mean);
                    break;
                }

            case "pareto":
                {
                    var scaleKey = f.Has("min") ? "min" : "scale";
                    var shapeKey = f.Has("alpha") ? "alpha" : "shape";
                    if ((f.Has("min") && f.Has("scale")) || (f.Has("alpha") && f.Has("shape")))
                    {
                        Error(mapping, path, "pareto takes {scale, shape} or {min, alpha}, not both spellings");
                    }

                    var (scale, shape) = (Param(scaleKey), Plain(shapeKey));
                    if (!(scale > 0 && shape > 0) && !double.IsNaN(scale) && !double.IsNaN(shape))
                    {
                        Error(mapping, path, $"pareto needs {scaleKey} > 0 and {shapeKey} > 0");
                    }

                    result = new ParetoDistribution(scale, shape);
                    break;
                }

            case "zipf":
                {
                    if (unit == Unit.Duration)
                    {
                        Error(kindNode, YamlFields.Join(path, "dist"), "zipf is for counts and sizes, not durations");
                        return null;
                    }

                    var (s, min, max) = (Plain("s"), Param("min"), Param("max"));
                    if (_errors.Count == errorsBefore)
                    {
                        if (min < 1 || max < min || min != Math.Floor(min) || max != Math.Floor(max))
                        {
                            Error(mapping, path, "zipf needs whole numbers 1 ≤ min ≤ max");
                        }
                        else if (max - min + 1 > ZipfDistribution.MaxRange)
                        {
                            Error(mapping, path, $"zipf range max − min + 1 must be at most {ZipfDistribution.MaxRange}");
                        }
                        else
                        {
                            result = new ZipfDistribution(s, (long)min, (long)max);
                        }
                    }

                    break;
                }
        }

        return _errors.Count == errorsBefore ? result : null;
    }

    private bool Quantity(YamlNode node, string path, Unit unit, out double value)
    {
        value = 0;
        switch (unit)
        {
            case Unit.Duration:
                if (Duration(node, path, out var d))
                {
                    value = d.TotalSeconds;
                    return true;
                }

                return false;
            case Unit.Size:
                if (Size(node, path, out var bytes))
                {
                    value = bytes;
                    return true;
                }

                return false;
            default:
                return Number(node, path, 0, double.MaxValue, out value);
        }
    }

    private static string UnitName(Unit unit) => unit switch
    {
        Unit.Duration => "duration",
        Unit.Size => "size",
        _ => "number",
    };

    // ---- scalars ------------------------------------------------------------------------------

    private static T Value<T>(YamlFields f, string key, T fallback, Parser<T> parse) =>
        f[key] is { } node && parse(node, f.Path(key), out var value) ? value : fallback;

    private static long? Optional(YamlFields f, string key, Parser<long> parse) =>
        f[key] is { } node && parse(node, f.Path(key), out var value) ? value : null;

    private YamlFields Mapping(YamlNode? node, string path, IReadOnlyCollection<string> allowed)
    {
        if (node is YamlMappingNode mapping)
        {
            return new YamlFields(this, mapping, path, allowed);
        }

        if (node is not null)
        {
            Error(node, path, "expected a mapping");
        }

        return new YamlFields(this, new YamlMappingNode(), path, allowed);
    }

    private T? Missing<T>(YamlNode node, string path)
        where T : class
    {
        Error(node, path, $"missing required key '{path[(path.LastIndexOf('.') + 1)..]}'");
        return null;
    }

    private void Missing(YamlNode node, string path) => Missing<object>(node, path);

    private IEnumerable<(YamlNode Node, string Path)> Items(YamlNode? node, string path)
    {
        if (node is null)
        {
            yield break;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(node, path, "expected a list");
            yield break;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            yield return (sequence.Children[i], $"{path}[{i}]");
        }
    }

    private List<int>? NodeIds(YamlNode node, string path)
    {
        if (node is not YamlSequenceNode)
        {
            Error(node, path, "expected a list of node ids, e.g. [100, 200]");
            return null;
        }

        var ids = new List<int>();
        var ok = true;
        foreach (var (item, itemPath) in Items(node, path))
        {
            if (NodeId(item, itemPath, int.MaxValue, out var id))
            {
                if (ids.Contains(id))
                {
                    Error(item, itemPath, $"node {id} is listed twice");
                    ok = false;
                }

                ids.Add(id);
            }
            else
            {
                ok = false;
            }
        }

        return ok ? ids : null;
    }

    /// <summary>A node id: a multiple of 100; when <paramref name="nodeCount"/> is known, one that exists.</summary>
    private bool NodeId(YamlNode node, string path, int nodeCount, out int id)
    {
        id = 0;
        if (!Integer(node, path, 1, int.MaxValue, out var value))
        {
            return false;
        }

        if (value % NetworkOptions.NodeIdStep != 0 || value / NetworkOptions.NodeIdStep > nodeCount)
        {
            Error(node, path, nodeCount == int.MaxValue
                ? $"{value} is not a node id (node ids are 100, 200, 300, …)"
                : $"node {value} does not exist (network.nodes = {nodeCount}: ids 100..{nodeCount * NetworkOptions.NodeIdStep})");
            return false;
        }

        id = (int)value;
        return true;
    }

    private List<string> Strings(YamlNode? node, string path)
    {
        var result = new List<string>();
        foreach (var (item, itemPath) in Items(node, path))
        {
            if (Text(item, itemPath, out var text))
            {
                result.Add(text);
            }
        }

        return result;
    }

    private bool Text(YamlNode node, string path, out string text)
    {
        if (node is YamlScalarNode { Value: { } value })
        {
            text = value;
            return true;
        }

        Error(node, path, $"expected a single value, found a {Kind(node)}");
        text = "";
        return false;
    }

    private static string Kind(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "value",
    };

    private bool Integer(YamlNode node, string path, long min, long max, out long value)
    {
        value = 0;
        if (!Text(node, path, out var text))
        {
            return false;
        }

        var clean = text.Replace("_", "", StringComparison.Ordinal);
        if (!long.TryParse(clean, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            Error(node, path, $"'{text}' is not a whole number");
            return false;
        }

        if (value < min || value > max)
        {
            Error(node, path, value < 0 && min >= 0 ? $"{value} is negative; expected {min}..{max}" : $"{value} is out of range; expected {min}..{max}");
            return false;
        }

        return true;
    }

    private bool Number(YamlNode node, string path, double min, double max, out double value)
    {
        value = 0;
        if (!Text(node, path, out var text))
        {
            return false;
        }

        if (!double.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
        {
            Error(node, path, $"'{text}' is not a number");
            return false;
        }

        if (value < min || value > max)
        {
            Error(node, path, value < 0 && min >= 0
                ? string.Create(CultureInfo.InvariantCulture, $"{value} is negative")
                : string.Create(CultureInfo.InvariantCulture, $"{value} is out of range; expected {min}..{max}"));
            return false;
        }

        return true;
    }

    private bool Fraction(YamlNode node, string path, out double value)
    {
        value = 0;
        if (!Text(node, path, out var text))
        {
            return false;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
        {
            Error(node, path, $"'{text}' is not a number; expected a fraction 0..1");
            return false;
        }

        if (value is < 0 or > 1)
        {
            Error(node, path, $"{text} is outside [0, 1]; expected a fraction");
            return false;
        }

        return true;
    }

    private bool Choice<T>(YamlNode node, string path, IReadOnlyDictionary<string, T> choices, out T value)
    {
        value = default!;
        if (!Text(node, path, out var text))
        {
            return false;
        }

        if (choices.TryGetValue(text, out value!))
        {
            return true;
        }

        Error(node, path, $"unknown value '{text}' (expected one of {string.Join(", ", choices.Keys)})");
        return false;
    }

    private bool Duration(YamlNode node, string path, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (!Text(node, path, out var text))
        {
            return false;
        }

        if (ScenarioUnits.TryParseDuration(text, out value, out var error))
        {
            return true;
        }

        Error(node, path, error);
        return false;
    }

    private bool PositiveDuration(YamlNode node, string path, out TimeSpan value)
    {
        if (!Duration(node, path, out value))
        {
            return false;
        }

        if (value > TimeSpan.Zero)
        {
            return true;
        }

        Error(node, path, "must be longer than 0");
        return false;
    }

    private bool Size(YamlNode node, string path, out long bytes)
    {
        bytes = 0;
        if (!Text(node, path, out var text))
        {
            return false;
        }

        if (ScenarioUnits.TryParseSize(text, out bytes, out var error))
        {
            return true;
        }

        Error(node, path, error);
        return false;
    }

    private bool PositiveSize(YamlNode node, string path, out long bytes)
    {
        if (!Size(node, path, out bytes))
        {
            return false;
        }

        if (bytes > 0)
        {
            return true;
        }

        Error(node, path, "must be more than 0 bytes");
        return false;
    }

    private bool Bandwidth(YamlNode node, string path, out long bitsPerSecond)
    {
        bitsPerSecond = 0;
        if (!Text(node, path, out var text))
        {
            return false;
        }

        if (ScenarioUnits.TryParseBandwidth(text, out bitsPerSecond, out var error))
        {
            if (bitsPerSecond > 0)
            {
                return true;
            }

            error = "bandwidth must be more than 0";
        }

        Error(node, path, error);
        return false;
    }
}
