using Akka.Actor;
using Google.Protobuf;
using XmtpSim.Actors.Journal;
using XmtpSim.Actors.Messages;
using XmtpSim.Engine;
using XmtpSim.Engine.Hosting;
using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.Envelopes;
using XmtpSim.Protocol.Mls;
using XmtpSim.Protocol.Selection;
using XmtpSim.Protocol.Topics;
using XmtpSim.Protocol.Wire.Envelopes;

namespace XmtpSim.Actors.Gateway;

/// <summary>
/// A payer service (xmtpd gateway, spec §8.1–8.2, §11): routes identity updates and MLS commits/proposals
/// to the app chain and everything else to the originator picked by stable hashing of the topic, signs a
/// PayerEnvelope bound to that originator, bans a node that errs or times out for the rest of the request
/// and asks the selector again (5 attempts × 30 s), and answers the client with the originator envelopes.
/// </summary>
public sealed class GatewayActor : SimActor
{
    private readonly ISimContext _sim;
    private readonly GatewaySettings _settings;
    private readonly string _name;
    private readonly Dictionary<long, NodeAttempt> _nodeAttempts = [];
    private readonly Dictionary<long, (ClientRequest Request, int Index, uint Broadcaster, ByteString Payload)> _chainRequests = [];
    private readonly List<(ActorId Client, PublishClientEnvelopes Request)> _waitingForRegistry = [];
    private SortedDictionary<uint, RegisteredNode> _nodes = [];
    private long _nextId;

    /// <summary>Loads the registry.</summary>
    public GatewayActor(ISimContext sim, GatewaySettings settings)
    {
        _sim = sim;
        _settings = settings;
        _name = sim.Self.Name;
        RequestRegistry();
    }

    /// <inheritdoc />
    protected override void OnMessage(object message)
    {
        switch (message)
        {
            case PublishClientEnvelopes request:
                OnPublish(_sim.Sender, request);
                break;
            case PublishPayerEnvelopesResult m:
                OnNodeResult(m);
                break;
            case ChainReceipt m:
                OnChainReceipt(m);
                break;
            case RegistrySnapshot m:
                OnRegistry(m);
                break;
            case AttemptTimedOut t:
                OnAttemptFailed(t.AttemptId, "DeadlineExceeded");
                break;
            case ChainTimedOut t:
                OnChainReceipt(new ChainReceipt(t.RequestId, false, 0, ByteString.Empty, 0, "chain receipt timed out"));
                break;
            case RefreshRegistry:
                RequestRegistry();
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    /// <summary>Props for the engine.</summary>
    public static Props Props(ISimContext sim, GatewaySettings settings) =>
        SimProps.Of(() => new GatewayActor(sim, settings));

    private void RequestRegistry()
    {
        _sim.Send(_settings.Settlement, GetRegistry.Instance);
        _sim.StartTimer("registry", _settings.RegistryRefreshNanos, RefreshRegistry.Instance);
    }

    private void OnRegistry(RegistrySnapshot snapshot)
    {
        _nodes = new SortedDictionary<uint, RegisteredNode>(snapshot.Nodes.Where(n => n.IsCanonical).ToDictionary(n => n.NodeId));
        foreach (var (client, request) in _waitingForRegistry)
        {
            OnPublish(client, request);
        }

        _waitingForRegistry.Clear();
    }

    private void OnPublish(ActorId client, PublishClientEnvelopes request)
    {
        if (_nodes.Count == 0)
        {
            _waitingForRegistry.Add((client, request));
            return;
        }

        var pending = new ClientRequest(client, request.RequestId, request.Envelopes);
        var toNodes = new List<int>();
        for (var i = 0; i < request.Envelopes.Count; i++)
        {
            var envelope = request.Envelopes[i];
            var topic = TopicOf(envelope);
            if (topic is null)
            {
                pending.Complete(i, new PublishOutcome(null, "InvalidArgument: missing or invalid target topic"));
                continue;
            }

            var route = ChainRoute(topic.Value, envelope);
            if (route is { } broadcaster)
            {
                SubmitToChain(pending, i, broadcaster, topic.Value, envelope.ToByteString());
            }
            else
            {
                toNodes.Add(i);
            }
        }

        if (toNodes.Count > 0)
        {
            Dispatch(pending, toNodes, [], 1);
        }

        FinishIfDone(pending);
    }

    /// <summary>Identity updates → broadcaster 1; commits and proposals → broadcaster 0; anything else → a node.</summary>
    private static uint? ChainRoute(Topic topic, ClientEnvelope envelope)
    {
        if (topic.Kind == TopicKind.IdentityUpdatesV1)
        {
            return ReservedOriginators.IdentityUpdates;
        }

        if (topic.Kind == TopicKind.GroupMessagesV1 && MlsFrame.BelongsOnChain(MlsFrame.Classify(envelope.GroupMessage)))
        {
            return ReservedOriginators.GroupMessages;
        }

        return null;
    }

    private void SubmitToChain(ClientRequest pending, int index, uint broadcaster, Topic topic, ByteString payload)
    {
        var id = ++_nextId;
        _chainRequests[id] = (pending, index, broadcaster, payload);
        _sim.Send(_settings.AppChain, new SubmitChainTransaction(id, broadcaster, ByteString.CopyFrom(topic.Identifier), payload));
        _sim.StartTimer($"chain-{id}", _settings.ChainTimeoutNanos, new ChainTimedOut(id));
    }

    private void OnChainReceipt(ChainReceipt receipt)
    {
        if (!_chainRequests.Remove(receipt.RequestId, out var entry))
        {
            return;
        }

        _sim.CancelTimer($"chain-{receipt.RequestId}");
        PublishOutcome outcome;
        if (receipt.Success)
        {
            // The gateway answers with an envelope it builds itself (spec §8.2): its own clock, fees 0.
            var built = EnvelopeSigner.BuildChainOriginated(
                entry.Broadcaster, receipt.SequenceId, SimTime.ToUnixNanos(_sim.Now), entry.Payload, receipt.TxHash.Span);
            var parsed = EnvelopeParser.ParseOriginator(built, _settings.Scheme);
            outcome = parsed.IsValid ? new PublishOutcome(parsed.Value, null) : new PublishOutcome(null, parsed.Error.ToString());
        }
        else
        {
            outcome = new PublishOutcome(null, $"app chain: {receipt.Error}");
        }

        entry.Request.Complete(entry.Index, outcome);
        FinishIfDone(entry.Request);
    }

    /// <summary>Selects an originator per envelope (skipping banned nodes), signs, and sends one publish per node.</summary>
    private void Dispatch(ClientRequest pending, List<int> indexes, HashSet<uint> banned, int attempt)
    {
        var byNode = new SortedDictionary<uint, List<int>>();
        foreach (var i in indexes)
        {
            var topic = TopicOf(pending.Envelopes[i])!.Value;
            var node = StableHashSelector.Select(topic.Identifier, _nodes.Keys, banned);
            if (node is null)
            {
                pending.Complete(i, new PublishOutcome(null, "Unavailable: no available nodes after considering the banlist"));
                continue;
            }

            if (!byNode.TryGetValue(node.Value, out var list))
            {
                byNode[node.Value] = list = [];
            }

            list.Add(i);
        }

        foreach (var (node, group) in byNode)
        {
            var payerEnvelopes = new List<PayerEnvelope>(group.Count);
            List<PendingSignature>? signing = null;
            foreach (var i in group)
            {
                _sim.Charge(_settings.Costs.SignNanos);
                var (envelope, signature) = EnvelopeSigner.SignPayer(
                    _settings.Scheme, _settings.PayerKey, pending.Envelopes[i].ToByteString(), node, _settings.RetentionDays, _settings.SigningLane);
                payerEnvelopes.Add(envelope);
                if (signature is not null)
                {
                    (signing ??= new List<PendingSignature>(group.Count)).Add(signature);
                }
            }

            var id = ++_nextId;
            _nodeAttempts[id] = new NodeAttempt(pending, group, node, [.. banned], attempt);
            _sim.Send(_nodes[node].Actor, new PublishPayerEnvelopes(id, payerEnvelopes) { Signing = signing });
            _sim.StartTimer($"attempt-{id}", _settings.PublishTimeoutNanos, new AttemptTimedOut(id));
        }
    }

    private void OnNodeResult(PublishPayerEnvelopesResult result)
    {
        if (result.ErrorCode is not null)
        {
            OnAttemptFailed(result.RequestId, $"{result.ErrorCode}: {result.Error}");
            return;
        }

        if (!_nodeAttempts.Remove(result.RequestId, out var attempt))
        {
            return; // answered after its deadline: the retry already went elsewhere
        }

        _sim.CancelTimer($"attempt-{result.RequestId}");
        for (var k = 0; k < attempt.Indexes.Count; k++)
        {
            attempt.Request.Complete(attempt.Indexes[k], k < result.Envelopes.Count
                ? new PublishOutcome(result.Envelopes[k], null)
                : new PublishOutcome(null, "Internal: node returned fewer envelopes than sent"));
        }

        FinishIfDone(attempt.Request);
    }

    private void OnAttemptFailed(long attemptId, string reason)
    {
        if (!_nodeAttempts.Remove(attemptId, out var attempt))
        {
            return;
        }

        _sim.CancelTimer($"attempt-{attemptId}");
        _sim.Journal(new GatewayRetryEvent(_sim.Now, _name, attempt.Node, attempt.Attempt, reason));
        if (attempt.Attempt >= _settings.PublishAttempts)
        {
            foreach (var i in attempt.Indexes)
            {
                attempt.Request.Complete(i, new PublishOutcome(null, $"failed after {attempt.Attempt} attempts: {reason}"));
            }

            FinishIfDone(attempt.Request);
            return;
        }

        attempt.Banned.Add(attempt.Node);
        Dispatch(attempt.Request, attempt.Indexes, attempt.Banned, attempt.Attempt + 1);
        FinishIfDone(attempt.Request);
    }

    private void FinishIfDone(ClientRequest pending)
    {
        if (pending.Remaining == 0 && !pending.Answered)
        {
            pending.Answered = true;
            _sim.Send(pending.Client, new PublishClientEnvelopesResult(pending.RequestId, pending.Outcomes!));
        }
    }

    private static Topic? TopicOf(ClientEnvelope envelope) =>
        envelope.Aad is not null && Topic.TryParse(envelope.Aad.TargetTopic.Span, out var topic, out _, TopicValidation.Node) ? topic : null;

    private sealed class ClientRequest
    {
        private readonly PublishOutcome?[] _outcomes;

        public ClientRequest(ActorId client, long requestId, IReadOnlyList<ClientEnvelope> envelopes)
        {
            Client = client;
            RequestId = requestId;
            Envelopes = envelopes;
            _outcomes = new PublishOutcome?[envelopes.Count];
            Remaining = envelopes.Count;
        }

        public ActorId Client { get; }

        public long RequestId { get; }

        public int Remaining { get; private set; }

        public bool Answered { get; set; }

        public IReadOnlyList<PublishOutcome>? Outcomes => Remaining == 0 ? _outcomes.Select(o => o!).ToList() : null;

        public IReadOnlyList<ClientEnvelope> Envelopes { get; }

        public void Complete(int index, PublishOutcome outcome)
        {
            if (_outcomes[index] is null)
            {
                _outcomes[index] = outcome;
                Remaining--;
            }
        }
    }

    private sealed record NodeAttempt(ClientRequest Request, List<int> Indexes, uint Node, HashSet<uint> Banned, int Attempt);

    private sealed record AttemptTimedOut(long AttemptId);

    private sealed record ChainTimedOut(long RequestId);

    private sealed record RefreshRegistry
    {
        public static RefreshRegistry Instance { get; } = new();
    }
}
