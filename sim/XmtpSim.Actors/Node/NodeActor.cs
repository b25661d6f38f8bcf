using System.Runtime.InteropServices;
using Akka.Actor;
using XmtpSim.Actors.Journal;
using XmtpSim.Actors.Messages;
using XmtpSim.Engine;
using XmtpSim.Engine.Hosting;
using XmtpSim.Protocol.Cursors;
using XmtpSim.Protocol.Envelopes;
using XmtpSim.Protocol.Fees;
using XmtpSim.Protocol.Topics;
using XmtpSim.Protocol.Wire.Envelopes;

namespace XmtpSim.Actors.Node;

/// <summary>
/// A broadcast node (xmtpd server) as a thin shell over the protocol core: it accepts publishes for
/// itself (validation, depends_on against its own cursor, fees from its own counters, originator
/// signature), stores envelopes idempotently, serves its own stream to peers and topic streams and
/// queries to clients on its database poll, pulls every peer's stream from that peer only, and indexes
/// the app chain into originator 0/1 envelopes with its own timestamps. Volatile state (streams,
/// subscriptions, registry view, rates cache) is lost on a crash; the <see cref="NodeStore"/> is not.
/// </summary>
public sealed class NodeActor : SimActor
{
    private const int CatchUpPage = 500;

    private readonly ISimContext _sim;
    private readonly NodeSettings _settings;
    private readonly NodeStore _store;
    private readonly string _name;
    private readonly SortedDictionary<uint, PeerLink> _peers = [];
    private readonly Dictionary<int, PeerLink> _peersByActor = []; // the same links, by the actor index of their node
    private readonly SortedDictionary<int, ReplicaSubscriber> _replicas = [];
    private readonly TopicTable<Dictionary<int, ActorId>> _topicSubscribers = new(); // by client index, unordered: OnPoll sends in client order
    private readonly Dictionary<int, HashSet<Topic>> _clients = []; // each streaming client's topics, by index: looked up, never iterated
    private readonly List<ParsedOriginatorEnvelope> _newSincePoll = [];

    // OnPoll's per-client batches and the lists that gather them, kept between polls: what it sends is one
    // array of the batch's exact size (most batches hold one envelope).
    private readonly Dictionary<int, (ActorId Client, List<ParsedOriginatorEnvelope> Envelopes)> _pollBatches = [];
    private readonly Stack<List<ParsedOriginatorEnvelope>> _pollLists = [];
    private readonly List<int> _pollOrder = [];
    private readonly Dictionary<ParsedOriginatorEnvelope, TopicEnvelopes> _singleRows = new(ReferenceEqualityComparer.Instance);
    private Dictionary<uint, RegisteredNode> _registry = [];
    private RateRegistry? _rates;
    private bool _chainStreaming;
    private int _chainAttempts;
    private long _replyCounter;

    /// <summary>Starts the node's loops.</summary>
    public NodeActor(ISimContext sim, NodeSettings settings, NodeStore store)
    {
        _sim = sim;
        _settings = settings;
        _store = store;
        _name = sim.Self.Name;

        RequestRegistry();
        ConnectChain();
        _sim.StartTimer("poll", _settings.PollIntervalNanos, PollTick.Instance);
    }

    /// <inheritdoc />
    protected override void OnMessage(object message)
    {
        switch (message)
        {
            case PollTick:
                OnPoll();
                break;
            case PublishPayerEnvelopes m:
                OnPublish(m);
                break;
            case OriginatorEnvelopes m:
                OnReplicated(m);
                break;
            case ReplyDue r:
                _sim.Send(r.To, r.Reply);
                break;
            case ChainBlocks m:
                OnChainBlocks(m);
                break;
            case QueryEnvelopes m:
                OnQuery(m);
                break;
            case SubscribeTopics m:
                OnSubscribeTopics(m);
                break;
            case RegistrySnapshot m:
                OnRegistry(m);
                break;
            case SubscribeOriginators m:
                OnSubscribeOriginators(m);
                break;
            case ConnectionLost m:
                OnConnectionLost(m);
                break;
            case RefreshRegistry:
                RequestRegistry();
                break;
            case Reconnect r:
                ConnectPeer(r.Peer);
                break;
            case SubscribeTimedOut m:
                OnSubscribeTimedOut(m);
                break;
            case ChainReconnect:
                ConnectChain();
                break;
            case ChainTimedOut t:
                OnChainTimedOut(t.Attempt);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    /// <summary>Props for the engine; <paramref name="store"/> is the durable part that outlives crashes.</summary>
    public static Props Props(ISimContext sim, NodeSettings settings, NodeStore store) =>
        SimProps.Of(() => new NodeActor(sim, settings, store));

    private uint NodeId => _settings.NodeId;

    private long UnixNanos => SimTime.ToUnixNanos(_sim.Now);

    // ---- registry and rates -------------------------------------------------------------------

    private void RequestRegistry()
    {
        _sim.Send(_settings.Settlement, GetRegistry.Instance);
        _sim.StartTimer("registry", _settings.RegistryRefreshNanos, RefreshRegistry.Instance);
    }

    private void OnRegistry(RegistrySnapshot snapshot)
    {
        _registry = snapshot.Nodes.Where(n => n.IsCanonical).ToDictionary(n => n.NodeId);
        _rates = new RateRegistry(snapshot.Rates);
        foreach (var node in _registry.Values.Where(n => n.NodeId != NodeId).OrderBy(n => n.NodeId))
        {
            if (!_peers.ContainsKey(node.NodeId))
            {
                var link = new PeerLink(node);
                _peers[node.NodeId] = link;
                _peersByActor[node.Actor.Index] = link;
                ConnectPeer(node.NodeId);
            }
        }
    }

    // ---- publish ------------------------------------------------------------------------------

    private void OnPublish(PublishPayerEnvelopes request)
    {
        var gateway = _sim.Sender;
        if (_rates is null)
        {
            Reply(gateway, Fail(request, "Unavailable", "rates are not loaded yet"));
            return;
        }

        var accepted = new List<ParsedPayerEnvelope>(request.Envelopes.Count);
        foreach (var envelope in request.Envelopes)
        {
            _sim.Charge(_settings.Costs.RecoverNanos);
            var validated = NodePublishValidator.Validate(envelope, NodeId, _settings.Scheme);
            if (!validated.IsValid)
            {
                RejectPublish(gateway, request, TopicOf(envelope), "InvalidArgument", validated.Error.ToString());
                return;
            }

            var payer = validated.Value;
            var dependencies = DependsOnCheck.Check(payer.Client.DependsOn, _store.Cursor);
            if (!dependencies.Accepted)
            {
                RejectPublish(gateway, request, payer.Client.Topic.ToString(), "InvalidArgument", dependencies.Describe());
                return;
            }

            if (accepted.Count > 0 && accepted[0].PayerAddress != payer.PayerAddress)
            {
                RejectPublish(gateway, request, payer.Client.Topic.ToString(), "InvalidArgument", "all envelopes of one publish must have the same payer");
                return;
            }

            accepted.Add(payer);
        }

        var originated = new List<ParsedOriginatorEnvelope>(accepted.Count);
        foreach (var payer in accepted)
        {
            var stamped = Originate(payer);
            if (stamped is null)
            {
                RejectPublish(gateway, request, payer.Client.Topic.ToString(), "InvalidArgument", "fee cannot be computed (size or retention out of range)");
                return;
            }

            originated.Add(stamped);
        }

        Reply(gateway, new PublishPayerEnvelopesResult(request.RequestId, originated, null, null));
    }

    private ParsedOriginatorEnvelope? Originate(ParsedPayerEnvelope payer)
    {
        var unixNanos = UnixNanos;
        var unixSeconds = unixNanos / SimTime.NanosPerSecond;
        var rates = _rates!.At((ulong)unixSeconds);
        var minute = CongestionCounters.MinuteOf(unixNanos);
        FeeQuote quote;
        try
        {
            quote = FeeCalculator.Quote(rates, payer.Raw.Length, payer.RetentionDays, _store.Congestion.Window(NodeId, minute));
        }
        catch (FeeCalculationException)
        {
            return null;
        }

        var sequence = _store.NextOwnSequence++;
        var stamp = OriginatorStamp.ForRetention(
            NodeId, sequence, unixNanos, (ulong)quote.BaseFeePicodollars, (ulong)quote.CongestionFeePicodollars, unixSeconds, payer.RetentionDays);
        _sim.Charge(_settings.Costs.SignNanos);
        var (signed, signing) = EnvelopeSigner.SignOriginatorBytes(_settings.Scheme, _settings.Key, stamp, payer.Raw, _settings.SigningLane);
        var parsed = EnvelopeParser.FromOwnSigned(signed, signing, payer, _settings.Key.Address);
        _store.TryAdd(parsed);
        _store.Meter(payer.PayerAddress!.Value, NodeId, minute, quote.TotalPicodollars);
        _newSincePoll.Add(parsed);
        _sim.Journal(new NodeOriginateEvent(
            _sim.Now, _name, NodeId, sequence, parsed.Topic.ToString(), payer.PayerAddress.Value.ToString(),
            quote.BaseFeePicodollars, quote.CongestionFeePicodollars, quote.CongestionUnits, payer.Raw.Length,
            VectorClock.From(payer.Client.DependsOn).ToString()));
        return parsed;
    }

    private void RejectPublish(ActorId gateway, PublishPayerEnvelopes request, string topic, string code, string reason)
    {
        _sim.Journal(new NodeRejectEvent(_sim.Now, _name, topic, code, reason));
        Reply(gateway, Fail(request, code, reason));
    }

    private static PublishPayerEnvelopesResult Fail(PublishPayerEnvelopes request, string code, string reason) =>
        new(request.RequestId, [], code, reason);

    private static string TopicOf(PayerEnvelope envelope)
    {
        try
        {
            var client = ClientEnvelope.Parser.ParseFrom(envelope.UnsignedClientEnvelope);
            return client.Aad is not null && Topic.TryParse(client.Aad.TargetTopic.Span, out var topic, out _, TopicValidation.Node) ? topic.ToString() : "unparseable";
        }
        catch (Google.Protobuf.InvalidProtocolBufferException)
        {
            return "unparseable";
        }
    }

    private void Reply(ActorId to, IWireMessage reply) =>
        _sim.StartTimer($"reply-{++_replyCounter}", _settings.PublishLatencyNanos, new ReplyDue(to, reply));

    // ---- replication: serving our own stream --------------------------------------------------

    private void OnSubscribeOriginators(SubscribeOriginators request)
    {
        if (request.Originator != NodeId)
        {
            return; // xmtpd pulls each originator only from itself
        }

        var peer = _sim.Sender;
        _sim.Connect(peer);
        var subscriber = new ReplicaSubscriber(peer, request.LastSeen[NodeId], _sim.Now);
        _replicas[peer.Index] = subscriber;
        if (!SendOwnStream(subscriber))
        {
            _sim.Send(peer, new OriginatorEnvelopes(NodeId, [])); // the empty start frame
        }
    }

    private bool SendOwnStream(ReplicaSubscriber subscriber)
    {
        var sent = false;
        while (true)
        {
            var page = _store.Since(NodeId, subscriber.LastSent, _settings.PageLimit);
            if (page.Count == 0)
            {
                return sent;
            }

            _sim.Send(subscriber.Peer, new OriginatorEnvelopes(NodeId, page)); // a new list each call: nothing else holds it
            subscriber.LastSent = page[^1].Id.Sequence;
            subscriber.LastSentAt = _sim.Now;
            sent = true;
        }
    }

    // ---- replication: pulling peers' streams --------------------------------------------------

    private void ConnectPeer(uint peerId)
    {
        if (!_peers.TryGetValue(peerId, out var link) || link.Streaming)
        {
            return;
        }

        link.Attempts++;
        _sim.Connect(link.Node.Actor);
        _sim.Send(link.Node.Actor, new SubscribeOriginators(peerId, _store.Cursor));
        _sim.StartTimer($"subscribe-{peerId}", _settings.SubscribeTimeoutNanos, new SubscribeTimedOut(peerId, link.Attempts));
    }

    private void OnSubscribeTimedOut(SubscribeTimedOut timeout)
    {
        if (_peers.TryGetValue(timeout.Peer, out var link) && !link.Streaming && link.Attempts == timeout.Attempt)
        {
            _sim.Disconnect(link.Node.Actor);
            ScheduleReconnect(link);
        }
    }

    private void ScheduleReconnect(PeerLink link)
    {
        link.Streaming = false;
        _sim.StartTimer($"reconnect-{link.Node.NodeId}", Backoff(link.Attempts), new Reconnect(link.Node.NodeId));
    }

    private long Backoff(int attempts) =>
        Math.Min(_settings.ReconnectInitialNanos << Math.Min(Math.Max(attempts - 1, 0), 20), _settings.ReconnectMaxNanos);

    private void OnReplicated(OriginatorEnvelopes batch)
    {
        if (!_peersByActor.TryGetValue(_sim.Sender.Index, out var link))
        {
            return;
        }

        if (!link.Streaming)
        {
            link.Streaming = true;
            link.Attempts = 0;
            _sim.CancelTimer($"subscribe-{link.Node.NodeId}");
        }

        var envelopes = batch.Envelopes;
        for (var i = 0; i < envelopes.Count; i++) // by index: no boxed enumerator per batch
        {
            StoreReplicated(link.Node.NodeId, envelopes[i]);
        }
    }

    private void StoreReplicated(uint peer, ParsedOriginatorEnvelope received)
    {
        _sim.Charge(_settings.Costs.RecoverNanos);
        // The replica decodes the received bytes (payer recovered) and, when they are valid, reads the envelope's
        // fields, which the parser built from exactly those bytes.
        var error = EnvelopeParser.CheckReplicated(received, _settings.Scheme);
        if (error is not null || received.OriginatorNodeId != peer || received.PayerAddress is null)
        {
            _sim.Journal(new NodeRejectEvent(_sim.Now, _name, received.Topic.ToString(), "Replication",
                error is null ? $"envelope from {peer} is not permitted or has no payer" : error.ToString()));
            return;
        }

        var last = _store.MaxSequence(peer);
        if (_store.Contains(received.Id))
        {
            return;
        }

        if (received.SequenceId != last + 1)
        {
            _sim.Journal(new NodeSequenceAnomalyEvent(_sim.Now, _name, peer, last + 1, received.SequenceId,
                received.SequenceId < last ? "out_of_order" : "gap"));
        }

        // Receivers price the envelope themselves, with their own congestion counters (spec §6, §9.4). The payer
        // layer is read once: for an envelope whose bytes already moved to disk, each read decodes the file again.
        var payer = received.Payer;
        var minute = CongestionCounters.MinuteOf(received.OriginatorNs);
        long fee;
        try
        {
            var rates = _rates!.At((ulong)(received.OriginatorNs / SimTime.NanosPerSecond));
            fee = FeeCalculator.Quote(rates, payer.Raw.Length, payer.RetentionDays, _store.Congestion.Window(peer, minute)).TotalPicodollars;
        }
        catch (Exception ex) when (ex is FeeCalculationException or RateRegistryException)
        {
            fee = (long)received.TotalFeePicodollars;
        }

        // The replica validated these exact bytes above; it keeps the received (shared, immutable) parsed
        // object rather than its own copy: the same row content, a seventh of the memory on a 7-node run.
        _store.TryAdd(received);
        _store.Meter(received.PayerAddress.Value, peer, minute, fee);
        _newSincePoll.Add(received);
        _sim.Journal(new NodeStoreEvent(_sim.Now, _name, peer, received.SequenceId, received.Topic.ToString(), "replication",
            fee, fee != (long)received.TotalFeePicodollars, ContentDigest(payer)));
    }

    /// <summary>
    /// A short fingerprint of what every replica must agree on: the payer's signature, which is deterministic
    /// (RFC 6979) over the digest of the client envelope and its target, so equal signatures mean equal content
    /// without hashing a large payload again.
    /// </summary>
    private static string ContentDigest(ParsedPayerEnvelope payer) =>
        payer.Signature is { } signature ? Convert.ToHexStringLower(signature.Span[..8]) : "unsigned";

    // ---- app-chain indexer --------------------------------------------------------------------

    private void ConnectChain()
    {
        _chainAttempts++;
        _sim.Connect(_settings.AppChain);
        _sim.Send(_settings.AppChain, new IndexFrom(_store.LastIndexedBlock + 1));
        _sim.StartTimer("chain-timeout", _settings.SubscribeTimeoutNanos, new ChainTimedOut(_chainAttempts));
    }

    private void OnChainTimedOut(int attempt)
    {
        if (!_chainStreaming && attempt == _chainAttempts)
        {
            _sim.Disconnect(_settings.AppChain);
            _sim.StartTimer("chain-reconnect", Backoff(_chainAttempts), ChainReconnect.Instance);
        }
    }

    private void OnChainBlocks(ChainBlocks message)
    {
        if (!_chainStreaming)
        {
            _chainStreaming = true;
            _chainAttempts = 0;
            _sim.CancelTimer("chain-timeout");
        }

        foreach (var block in message.Blocks)
        {
            if (block.Number <= _store.LastIndexedBlock)
            {
                continue;
            }

            foreach (var log in block.Logs)
            {
                IndexLog(log, block.Number);
            }

            _store.LastIndexedBlock = block.Number;
        }
    }

    private void IndexLog(ChainLog log, long block)
    {
        // Identity updates: skip what the local max already covers (spec §8.3 (a)).
        if (log.Broadcaster == ReservedOriginators.IdentityUpdates && _store.MaxSequence(log.Broadcaster) >= log.SequenceId)
        {
            return;
        }

        var id = new EnvelopeId(log.Broadcaster, log.SequenceId);
        if (_store.Contains(id))
        {
            return;
        }

        var built = EnvelopeSigner.BuildChainOriginated(log.Broadcaster, log.SequenceId, UnixNanos, log.Payload, log.TxHash.Span);
        var parsed = EnvelopeParser.ParseOriginator(built, _settings.Scheme);
        if (!parsed.IsValid || !EnvelopeValidator.ValidateClient(parsed.Value.Client).IsValid)
        {
            _sim.Journal(new NodeRejectEvent(_sim.Now, _name, "chain", "Indexer", $"log {log.Broadcaster}:{log.SequenceId} in block {block} is invalid"));
            return;
        }

        _store.TryAdd(parsed.Value);
        _newSincePoll.Add(parsed.Value);
        _sim.Journal(new NodeStoreEvent(_sim.Now, _name, log.Broadcaster, log.SequenceId, parsed.Value.Topic.ToString(), "index",
            0, false, Convert.ToHexStringLower(log.TxHash.Span)));
    }

    // ---- client streams and queries -----------------------------------------------------------

    private void OnSubscribeTopics(SubscribeTopics request)
    {
        var client = _sim.Sender;
        if (!_clients.TryGetValue(client.Index, out var topics))
        {
            _clients[client.Index] = topics = [];
            _sim.Connect(client);
        }

        var catchUp = new List<ParsedOriginatorEnvelope>();
        foreach (var filter in request.Filters)
        {
            if (topics.Add(filter.Topic))
            {
                (_topicSubscribers.GetValueRefOrAdd(filter.Topic) ??= [])[client.Index] = client;
            }

            catchUp.AddRange(_store.Query([filter.Topic], filter.LastSeen, int.MaxValue));
        }

        for (var offset = 0; offset < catchUp.Count || offset == 0; offset += CatchUpPage)
        {
            var page = catchUp.GetRange(offset, Math.Min(CatchUpPage, catchUp.Count - offset));
            _sim.Send(client, new TopicEnvelopes(page, CatchUpComplete: offset + CatchUpPage >= catchUp.Count));
            if (catchUp.Count == 0)
            {
                break;
            }
        }
    }

    private void OnQuery(QueryEnvelopes query)
    {
        var limit = query.Limit == 0 || query.Limit > _settings.PageLimit ? _settings.PageLimit : (int)query.Limit;
        var rows = _store.Query(query.Topics, query.LastSeen, limit);
        Reply(_sim.Sender, new QueryEnvelopesResult(query.RequestId, rows));
    }

    // ---- the database poll: live streams ------------------------------------------------------

    private void OnPoll()
    {
        _store.MoveAgedBytes(UnixNanos);
        foreach (var subscriber in _replicas.Values)
        {
            if (!SendOwnStream(subscriber) && _sim.Now - subscriber.LastSentAt >= _settings.KeepaliveNanos)
            {
                _sim.Send(subscriber.Peer, new OriginatorEnvelopes(NodeId, []));
                subscriber.LastSentAt = _sim.Now;
            }
        }

        if (_newSincePoll.Count > 0)
        {
            // One batch per subscribed client, sent in client order.
            var perClient = _pollBatches;
            foreach (var row in _newSincePoll)
            {
                if (_topicSubscribers.GetValueOrDefault(row.Topic) is not { } subscribers)
                {
                    continue;
                }

                foreach (var (index, client) in subscribers)
                {
                    ref var batch = ref CollectionsMarshal.GetValueRefOrAddDefault(perClient, index, out var exists);
                    if (!exists)
                    {
                        batch = (client, _pollLists.Count > 0 ? _pollLists.Pop() : []);
                    }

                    batch.Envelopes.Add(row);
                }
            }

            var order = _pollOrder;
            order.AddRange(perClient.Keys);
            order.Sort();
            foreach (var index in order)
            {
                var (client, envelopes) = perClient[index];
                _sim.Send(client, envelopes.Count == 1 ? SingleRow(envelopes[0]) : new TopicEnvelopes(envelopes.ToArray(), CatchUpComplete: false));
                envelopes.Clear();
                _pollLists.Push(envelopes);
            }

            order.Clear();
            perClient.Clear();
            _singleRows.Clear();
            _newSincePoll.Clear();
        }

        _sim.StartTimer("poll", _settings.PollIntervalNanos, PollTick.Instance);
    }

    /// <summary>
    /// The batch of just <paramref name="row"/>, made once per poll: most batches hold one envelope, sent to every
    /// member of its group, and a message is immutable, so its subscribers share one.
    /// </summary>
    private TopicEnvelopes SingleRow(ParsedOriginatorEnvelope row)
    {
        ref var message = ref CollectionsMarshal.GetValueRefOrAddDefault(_singleRows, row, out _);
        return message ??= new TopicEnvelopes([row], CatchUpComplete: false);
    }

    // ---- broken streams -----------------------------------------------------------------------

    private void OnConnectionLost(ConnectionLost lost)
    {
        if (_peersByActor.TryGetValue(lost.Peer.Index, out var peer))
        {
            _sim.CancelTimer($"subscribe-{peer.Node.NodeId}");
            ScheduleReconnect(peer);
        }

        _replicas.Remove(lost.Peer.Index);
        if (_clients.Remove(lost.Peer.Index, out var topics))
        {
            foreach (var topic in topics)
            {
                _topicSubscribers.GetValueOrDefault(topic)!.Remove(lost.Peer.Index);
            }
        }

        if (lost.Peer == _settings.AppChain)
        {
            _chainStreaming = false;
            _sim.CancelTimer("chain-timeout");
            _sim.StartTimer("chain-reconnect", Backoff(Math.Max(_chainAttempts, 1)), ChainReconnect.Instance);
        }
    }

    private sealed class PeerLink(RegisteredNode node)
    {
        public RegisteredNode Node { get; } = node;

        public bool Streaming { get; set; }

        public int Attempts { get; set; }
    }

    private sealed class ReplicaSubscriber(ActorId peer, ulong lastSent, long lastSentAt)
    {
        public ActorId Peer { get; } = peer;

        public ulong LastSent { get; set; } = lastSent;

        public long LastSentAt { get; set; } = lastSentAt;
    }

    private sealed record PollTick
    {
        public static PollTick Instance { get; } = new();
    }

    private sealed record RefreshRegistry
    {
        public static RefreshRegistry Instance { get; } = new();
    }

    private sealed record Reconnect(uint Peer);

    private sealed record SubscribeTimedOut(uint Peer, int Attempt);

    private sealed record ChainReconnect
    {
        public static ChainReconnect Instance { get; } = new();
    }

    private sealed record ChainTimedOut(int Attempt);

    private sealed record ReplyDue(ActorId To, IWireMessage Reply);
}
