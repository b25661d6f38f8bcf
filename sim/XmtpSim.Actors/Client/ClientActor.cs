using System.Numerics;
using Akka.Actor;
using Google.Protobuf;
using XmtpSim.Actors.Journal;
using XmtpSim.Actors.Messages;
using XmtpSim.Engine;
using XmtpSim.Engine.Hosting;
using XmtpSim.Protocol.Cursors;
using XmtpSim.Protocol.Envelopes;
using XmtpSim.Protocol.Mls;
using XmtpSim.Protocol.Ordering;
using XmtpSim.Protocol.Topics;
using XmtpSim.Protocol.Wire.Envelopes;
using XmtpSim.Protocol.Wire.Identity;

namespace XmtpSim.Actors.Client;

/// <summary>
/// An installation following XMTP's lifecycle: it registers its inbox with an identity update (app chain),
/// uploads a key package (a node), creates its groups with a commit on the chain and welcomes each member
/// through a node, follows its welcome topic and the topics of groups it joins, publishes application
/// messages with <c>depends_on</c> set from its topic cursor, and applies what it reads from a node with
/// the causal rule of spec §5.5, failing over to another node when its read node stops answering.
/// </summary>
public sealed class ClientActor : SimActor
{
    private const int KeyPackageBytes = 320;
    private const int CommitBaseBytes = 512;
    private const int CommitBytesPerAddedMember = 1600;
    private const int WelcomeBaseBytes = 1024;
    private const int WelcomeBytesPerMember = 150;
    private static readonly long ResubscribeDelayNanos = SimTime.NanosPerSecond;
    private const int MaxSenderNames = 1 << 18;

    // Sender names by client index, grown to the largest index asked for: a short run keeps a few hundred.
    private static string?[] senderNames = new string?[1024];

    /// <summary>What one group's offer applied, per thread: reused for every batch (OnApplied never reads another batch).</summary>
    [ThreadStatic]
    private static List<Delivery<ParsedOriginatorEnvelope>>? DeliveredScratch;

    /// <summary>A read batch of one envelope, per thread (see <see cref="ProcessOne"/>).</summary>
    [ThreadStatic]
    private static List<CausalEnvelope<ParsedOriginatorEnvelope>>? SingleScratch;

    private readonly ISimContext _sim;
    private readonly ClientSettings _settings;
    private readonly string _name;
    private readonly Topic _welcomeTopic;
    private readonly HashSet<EnvelopeId> _seenWelcomes = [];
    private readonly List<GroupState> _groups = [];
    private readonly Dictionary<Topic, GroupState> _groupsByTopic = [];
    private GroupState? _newestGroup; // _groups[^1], read without the list and its array (see GroupOf)
    private readonly Dictionary<long, List<PendingPublish>> _pending = [];
    private VectorClock _welcomeCursor = VectorClock.Empty;
    private int _readIndex;
    private ActorId _readNode; // _settings.ReadNodes[_readIndex], kept beside the index: read on every apply, without the list
    private int _subscribeAttempts;
    private int _subscribeGeneration;
    private bool _subscribed;
    private bool _groupsCreated;
    private long _nextLocalId;
    private long _nextRequestId;
    private bool _causalTimerSet;

    /// <summary>The client comes online at <see cref="ClientSettings.StartNanos"/>.</summary>
    public ClientActor(ISimContext sim, ClientSettings settings)
    {
        _sim = sim;
        _settings = settings;
        _name = sim.Self.Name;
        _welcomeTopic = Topic.WelcomeMessages(settings.InstallationKey);
        _readNode = settings.ReadNodes[0];

        _sim.StartTimer("start", Math.Max(0, settings.StartNanos - sim.Now), StartTick.Instance);
    }

    /// <inheritdoc />
    protected override void OnMessage(object message)
    {
        switch (message)
        {
            case TopicEnvelopes m:
                OnTopicEnvelopes(m);
                break;
            case MessageTick:
                OnMessageTick();
                break;
            case CausalTick:
                OnCausalTick();
                break;
            case PublishClientEnvelopesResult m:
                OnPublishResult(m);
                break;
            case QueryEnvelopesResult r:
                Process(r.Envelopes);
                break;
            case StartTick:
                OnStart();
                break;
            case ConnectionLost m:
                OnConnectionLost(m);
                break;
            case SubscribeTimedOut m:
                OnSubscribeTimedOut(m);
                break;
            case ResubscribeTick:
                Subscribe();
                break;
            case CommitTick t:
                OnCommitTick(t.GroupIndex);
                break;
            case IdentityTick:
                OnIdentityTick();
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    /// <summary>Props for the engine.</summary>
    public static Props Props(ISimContext sim, ClientSettings settings) => SimProps.Of(() => new ClientActor(sim, settings));

    private ActorId ReadNode => _readNode;

    private bool Publishing => _sim.Now < _settings.WorkloadEndNanos;

    // ---- start-up -----------------------------------------------------------------------------

    private void OnStart()
    {
        Subscribe();
        var initial = new List<(ClientEnvelope Envelope, PendingPublish Pending)>
        {
            IdentityUpdate(first: true),
        };
        for (var i = 0; i < _settings.KeyPackages; i++)
        {
            var keyPackage = new byte[KeyPackageBytes];
            _sim.Random.NextBytes(keyPackage);
            initial.Add((ClientEnvelopes.KeyPackage(_settings.InstallationKey, UnsafeByteOperations.UnsafeWrap(keyPackage)), // a fresh array, never written again
                new PendingPublish(++_nextLocalId, "key_package", Topic.KeyPackages(_settings.InstallationKey))));
        }

        Publish(initial);
        ScheduleNextMessage();
        for (var i = 1; i < _settings.IdentityUpdates; i++)
        {
            var at = (long)(_sim.Random.NextDouble() * Math.Max(0, _settings.WorkloadEndNanos - _sim.Now));
            _sim.StartTimer($"identity-{i}", at, IdentityTick.Instance);
        }
    }

    private (ClientEnvelope, PendingPublish) IdentityUpdate(bool first)
    {
        var update = new IdentityUpdate
        {
            InboxId = Convert.ToHexStringLower(_settings.InboxId),
            ClientTimestampNs = (ulong)SimTime.ToUnixNanos(_sim.Now),
        };
        return (ClientEnvelopes.IdentityUpdate(_settings.InboxId, update),
            new PendingPublish(++_nextLocalId, first ? "identity_register" : "identity_update", Topic.IdentityUpdates(_settings.InboxId)));
    }

    private void OnIdentityTick()
    {
        if (Publishing)
        {
            Publish([IdentityUpdate(first: false)]);
        }
    }

    // ---- publishing ---------------------------------------------------------------------------

    private void Publish(IReadOnlyList<(ClientEnvelope Envelope, PendingPublish Pending)> items)
    {
        var requestId = ++_nextRequestId;
        _pending[requestId] = items.Select(i => i.Pending).ToList();
        foreach (var (envelope, pending) in items)
        {
            _sim.Journal(new ClientPublishEvent(_sim.Now, _name, pending.Topic.ToString(), pending.LocalId, pending.What,
                envelope.CalculateSize(), VectorClock.From(envelope.Aad.DependsOn?.NodeIdToSequenceId ?? []).ToString()));
        }

        _sim.Send(_settings.Gateway, new PublishClientEnvelopes(requestId, items.Select(i => i.Envelope).ToList()));
    }

    private void OnPublishResult(PublishClientEnvelopesResult result)
    {
        if (!_pending.Remove(result.RequestId, out var items))
        {
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var pending = items[i];
            var outcome = i < result.Outcomes.Count ? result.Outcomes[i] : new PublishOutcome(null, "missing outcome");
            if (outcome.Envelope is not { } envelope)
            {
                _sim.Journal(new ClientPublishFailedEvent(_sim.Now, _name, pending.LocalId, outcome.Error ?? "unknown"));
                continue;
            }

            _sim.Journal(new ClientAckEvent(_sim.Now, _name, pending.LocalId, envelope.OriginatorNodeId, envelope.SequenceId));
            if (pending.What == "identity_register")
            {
                CreateGroups();
            }
            else if (pending.Creates is { } plan)
            {
                OnGroupCreated(plan, envelope.SequenceId);
            }
        }
    }

    private void CreateGroups()
    {
        if (_groupsCreated)
        {
            return;
        }

        _groupsCreated = true;
        foreach (var plan in _settings.CreatesGroups)
        {
            var size = CommitBaseBytes + (CommitBytesPerAddedMember * plan.MemberInstallationKeys.Count);
            var commit = GroupFrame(plan.GroupId, 0, MlsContentType.Commit, size, ++_nextLocalId);
            Publish([(ClientEnvelopes.GroupMessage(plan.GroupId, commit, null),
                new PendingPublish(_nextLocalId, "commit", Topic.GroupMessages(plan.GroupId)) { Creates = plan })]);
        }
    }

    private void OnGroupCreated(GroupPlan plan, ulong commitSequence)
    {
        var group = Join(plan.GroupId, commitSequence, creator: true, plan.MemberInstallationKeys.Count + 1);
        var welcomes = new List<(ClientEnvelope, PendingPublish)>();
        foreach (var member in plan.MemberInstallationKeys)
        {
            var data = MessageContent.Welcome(plan.GroupId, commitSequence, WelcomeBaseBytes + (WelcomeBytesPerMember * group.Size), _sim.Random);
            var hpke = new byte[32];
            _sim.Random.NextBytes(hpke);
            welcomes.Add((ClientEnvelopes.Welcome(member, UnsafeByteOperations.UnsafeWrap(data), UnsafeByteOperations.UnsafeWrap(hpke)), // fresh arrays, never written again
                new PendingPublish(++_nextLocalId, "welcome", Topic.WelcomeMessages(member))));
        }

        if (welcomes.Count > 0)
        {
            Publish(welcomes);
        }

        if (_settings.CommitRatePerGroup > 0)
        {
            ScheduleCommit(_groups.IndexOf(group));
        }
    }

    private void ScheduleNextMessage()
    {
        if (_settings.MessageRatePerSecond <= 0)
        {
            return;
        }

        var delay = -Math.Log(1.0 - _sim.Random.NextDouble()) / _settings.MessageRatePerSecond;
        _sim.StartTimer("message", (long)(delay * SimTime.NanosPerSecond), MessageTick.Instance);
    }

    private void OnMessageTick()
    {
        if (!Publishing)
        {
            return;
        }

        if (_groups.Count > 0)
        {
            var group = _groups[_sim.Random.Next(_groups.Count)];
            var size = (int)Math.Clamp(_settings.MessageBytes(_sim.Random), MlsFrame.HeaderSize + MessageContent.MetadataBytes, 4 * 1024 * 1024);
            var data = GroupFrame(group.GroupId, group.Epoch, MlsContentType.Application, size, ++_nextLocalId);
            Publish([(ClientEnvelopes.GroupMessage(group.GroupId, data, DependsOn(group)),
                new PendingPublish(_nextLocalId, "message", group.Topic))]);
        }

        ScheduleNextMessage();
    }

    private void ScheduleCommit(int groupIndex)
    {
        var delay = -Math.Log(1.0 - _sim.Random.NextDouble()) / _settings.CommitRatePerGroup;
        _sim.StartTimer($"commit-{groupIndex}", (long)(delay * SimTime.NanosPerSecond), new CommitTick(groupIndex));
    }

    private void OnCommitTick(int groupIndex)
    {
        if (!Publishing)
        {
            return;
        }

        var group = _groups[groupIndex];
        var data = GroupFrame(group.GroupId, group.Epoch, MlsContentType.Commit, CommitBaseBytes + (64 * group.Size), ++_nextLocalId);
        Publish([(ClientEnvelopes.GroupMessage(group.GroupId, data, DependsOn(group)), new PendingPublish(_nextLocalId, "commit", group.Topic))]);
        ScheduleCommit(groupIndex);
    }

    /// <summary>The topic cursor restricted to originators below 100: the latest commit applied (spec §5.3).</summary>
    private static Dictionary<uint, ulong>? DependsOn(GroupState group)
    {
        var commit = group.Buffer.Cursor[ReservedOriginators.GroupMessages];
        return commit == 0 ? null : new Dictionary<uint, ulong> { [ReservedOriginators.GroupMessages] = commit };
    }

    private ByteString GroupFrame(byte[] groupId, ulong epoch, MlsContentType type, int size, long localId)
    {
        var padding = new byte[size - MlsFrame.HeaderSize];
        MessageContent.Write(padding, _sim.Now, _settings.Index, localId, _sim.Random);
        return UnsafeByteOperations.UnsafeWrap(MlsFrame.Build(groupId, epoch, type, size, padding)); // a fresh array, never written again
    }

    // ---- reading ------------------------------------------------------------------------------

    private void Subscribe()
    {
        _subscribed = false;
        _subscribeGeneration++;
        var filters = new List<TopicFilter> { new(_welcomeTopic, _welcomeCursor) };
        filters.AddRange(_groups.Select(g => new TopicFilter(g.Topic, g.Buffer.Cursor)));
        _sim.Connect(ReadNode);
        _sim.Send(ReadNode, new SubscribeTopics(filters));
        _sim.StartTimer("subscribe-timeout", _settings.SubscribeTimeoutNanos, new SubscribeTimedOut(_subscribeGeneration));
    }

    private void OnSubscribeTimedOut(SubscribeTimedOut timeout)
    {
        if (timeout.Generation != _subscribeGeneration || _subscribed)
        {
            return;
        }

        _sim.Disconnect(ReadNode);
        if (++_subscribeAttempts >= _settings.AttemptsPerNode)
        {
            _subscribeAttempts = 0;
            _readIndex = (_readIndex + 1) % _settings.ReadNodes.Count;
            _readNode = _settings.ReadNodes[_readIndex];
        }

        _sim.StartTimer("resubscribe", ResubscribeDelayNanos, ResubscribeTick.Instance);
    }

    private void OnConnectionLost(ConnectionLost lost)
    {
        if (lost.Peer != ReadNode)
        {
            return;
        }

        _subscribed = false;
        _sim.CancelTimer("subscribe-timeout");
        _sim.StartTimer("resubscribe", ResubscribeDelayNanos, ResubscribeTick.Instance);
    }

    private void OnTopicEnvelopes(TopicEnvelopes message)
    {
        if (message.CatchUpComplete && _sim.Sender == ReadNode && !_subscribed)
        {
            _subscribed = true;
            _subscribeAttempts = 0;
            _sim.CancelTimer("subscribe-timeout");
        }

        Process(message.Envelopes);
    }

    private void Process(IReadOnlyList<ParsedOriginatorEnvelope> envelopes)
    {
        if (envelopes.Count == 0)
        {
            return;
        }

        if (envelopes.Count == 1)
        {
            // With no causal timer set, no group held a parked envelope before this read (every handler that parks
            // or releases ends in ScheduleCausalTick), and only this envelope's group can hold one now: when it does
            // not, ScheduleCausalTick would find nothing to do, without reading every group.
            if (ProcessOne(envelopes[0]) is not { } offered || _causalTimerSet || offered.Buffer.ParkedCount > 0)
            {
                ScheduleCausalTick();
            }

            return;
        }

        var any = false;
        for (var i = 0; i < envelopes.Count; i++)
        {
            if (Route(envelopes[i]) is { } group)
            {
                group.Arrived.Add(CausalOf(envelopes[i]));
                any = true;
            }
        }

        // Groups are offered their batches in join order (the order of _groups).
        if (any)
        {
            var delivered = DeliveredScratch ??= [];
            foreach (var group in _groups)
            {
                if (group.Arrived.Count == 0)
                {
                    continue;
                }

                group.Buffer.Offer(group.Arrived, SimTime.ToUnixNanos(_sim.Now), delivered);
                ApplyAll(group, delivered);
                group.Arrived.Clear();
            }
        }

        ScheduleCausalTick();
    }

    /// <summary>
    /// <see cref="Process"/> for a batch of one envelope, which is nearly every read: the envelope is offered in a
    /// per-thread list rather than its group's. On a day of 100,000 clients the group's list and its array are two
    /// reads that are not in the cache, and writing a new envelope into an old array is a card the collector
    /// scans at its next collection.
    /// </summary>
    /// <returns>The group the envelope was offered to; null for a welcome or a topic this client does not follow.</returns>
    private GroupState? ProcessOne(ParsedOriginatorEnvelope envelope)
    {
        if (Route(envelope) is not { } group)
        {
            return null;
        }

        var single = SingleScratch ??= new(1);
        single.Add(CausalOf(envelope));
        var delivered = DeliveredScratch ??= [];
        group.Buffer.Offer(single, SimTime.ToUnixNanos(_sim.Now), delivered);
        single.Clear(); // holds no envelope between reads
        ApplyAll(group, delivered);
        return group;
    }

    /// <summary>
    /// Verifies one envelope read and finds where it goes: a welcome is handled here (null), an envelope of a group
    /// this client follows returns that group, anything else null.
    /// </summary>
    private GroupState? Route(ParsedOriginatorEnvelope envelope)
    {
        _sim.Charge(_settings.Costs.RecoverNanos); // the client verifies what it reads (XIP-49 client checks)
        if (envelope.Topic == _welcomeTopic)
        {
            OnWelcome(envelope);
            return null;
        }

        return GroupOf(envelope.Topic);
    }

    private static CausalEnvelope<ParsedOriginatorEnvelope> CausalOf(ParsedOriginatorEnvelope envelope) =>
        new(envelope.Id, envelope.OriginatorNs, envelope.DependsOnClock, envelope.OriginatorNodeId == ReservedOriginators.GroupMessages, envelope);

    private void ApplyAll(GroupState group, List<Delivery<ParsedOriginatorEnvelope>> delivered)
    {
        foreach (var delivery in delivered)
        {
            OnApplied(group, delivery);
        }

        delivered.Clear();
    }

    /// <summary>
    /// The group following <paramref name="topic"/>, if any. Most clients are in one group, whose messages are most
    /// of what they read, and a delivery reads the group next anyway: the newest group is compared first, from a
    /// field of the actor, then the others along the list (newest first, as the table keeps the newest), which skips
    /// the table's buckets and entries. On a day of 100,000 clients none of these is in the cache.
    /// </summary>
    private GroupState? GroupOf(Topic topic)
    {
        var newest = _newestGroup;
        if (newest is null || newest.Topic == topic)
        {
            return newest; // null: no group yet
        }

        if (_groups.Count > 4)
        {
            return _groupsByTopic.GetValueOrDefault(topic);
        }

        for (var i = _groups.Count - 2; i >= 0; i--)
        {
            if (_groups[i].Topic == topic)
            {
                return _groups[i];
            }
        }

        return null;
    }

    private void OnWelcome(ParsedOriginatorEnvelope envelope)
    {
        var id = envelope.Id;
        _welcomeCursor = _welcomeCursor.Advance(id.Originator, id.Sequence);
        if (!_seenWelcomes.Add(id) || PayloadView.Of(envelope) is not { WelcomeGroupId: { } groupId } welcome)
        {
            return;
        }

        var commitSequence = welcome.WelcomeCommitSequence;

        if (_groupsByTopic.ContainsKey(Topic.GroupMessages(groupId)))
        {
            return;
        }

        var group = Join(groupId, commitSequence, creator: false, size: 0);
        if (_subscribed)
        {
            _sim.Send(ReadNode, new SubscribeTopics([new TopicFilter(group.Topic, group.Buffer.Cursor)]));
        }
    }

    private GroupState Join(byte[] groupId, ulong commitSequence, bool creator, int size)
    {
        var topic = Topic.GroupMessages(groupId);
        var group = new GroupState(groupId, topic, commitSequence, size,
            new CausalDeliveryBuffer<ParsedOriginatorEnvelope>(_settings.Causal, VectorClock.Of((ReservedOriginators.GroupMessages, commitSequence))));
        _groups.Add(group);
        _groupsByTopic[topic] = group;
        _newestGroup = group;
        _sim.Journal(new ClientJoinEvent(_sim.Now, _name, group.TopicText, commitSequence));
        if (creator && _subscribed)
        {
            _sim.Send(ReadNode, new SubscribeTopics([new TopicFilter(topic, group.Buffer.Cursor)]));
        }

        return group;
    }

    private void OnApplied(GroupState group, Delivery<ParsedOriginatorEnvelope> delivery)
    {
        var envelope = delivery.Envelope.Payload;
        var isCommit = envelope.OriginatorNodeId == ReservedOriginators.GroupMessages;
        if (isCommit && envelope.SequenceId > group.JoinSequence)
        {
            group.Epoch++;
        }

        // Messages of epochs before this member joined cannot be decrypted by it: received, not applied.
        var decryptable = isCommit
            ? envelope.SequenceId > group.JoinSequence
            : delivery.Envelope.DependsOn[ReservedOriginators.GroupMessages] >= group.JoinSequence;
        if (!decryptable)
        {
            return;
        }

        var view = PayloadView.Of(envelope);
        var sender = view.HasMetadata ? SenderName(view.Sender) : "unknown";
        _sim.Journal(new ClientApplyEvent(_sim.Now, _name, group.TopicText, envelope.OriginatorNodeId, envelope.SequenceId,
            view.PublishedNs, sender, delivery.Envelope.DependsOn.ToString(), delivery.DependencyDropped, ReadNode.Name,
            (long)envelope.TotalFeePicodollars));
    }

    /// <summary>"client-&lt;index&gt;", one string per sender for the whole process (a day has tens of millions of applies).</summary>
    private static string SenderName(int index)
    {
        if ((uint)index >= MaxSenderNames)
        {
            return $"client-{index}";
        }

        var names = Volatile.Read(ref senderNames);
        if (index >= names.Length)
        {
            var grown = new string?[Math.Min(MaxSenderNames, 2 * (int)BitOperations.RoundUpToPowerOf2((uint)index + 1))];
            names.CopyTo(grown, 0);
            Volatile.Write(ref senderNames, grown); // a racing copy may win instead: names are only shared, never required
            names = grown;
        }

        return names[index] ??= $"client-{index}"; // a race writes equal strings
    }

    private void ScheduleCausalTick()
    {
        var next = long.MaxValue;
        foreach (var group in _groups)
        {
            next = Math.Min(next, group.Buffer.NextDeadlineNs ?? long.MaxValue);
        }

        if (next == long.MaxValue)
        {
            // Nearly every batch: nothing waits. Only a timer this incarnation set needs cancelling.
            if (_causalTimerSet)
            {
                _sim.CancelTimer("causal");
                _causalTimerSet = false;
            }

            return;
        }

        _sim.StartTimer("causal", Math.Max(0, next - SimTime.ToUnixNanos(_sim.Now)), CausalTick.Instance);
        _causalTimerSet = true;
    }

    private void OnCausalTick()
    {
        _causalTimerSet = false; // it fired, so the engine has consumed it
        var now = SimTime.ToUnixNanos(_sim.Now);
        foreach (var group in _groups)
        {
            if (!group.Buffer.DueFetches(now).IsEmpty)
            {
                _sim.Send(ReadNode, new QueryEnvelopes(++_nextRequestId, [group.Topic], group.Buffer.Cursor, 100));
            }

            foreach (var delivery in group.Buffer.GiveUp(now))
            {
                OnApplied(group, delivery);
            }
        }

        ScheduleCausalTick();
    }

    private sealed class GroupState(byte[] groupId, Topic topic, ulong joinSequence, int size, CausalDeliveryBuffer<ParsedOriginatorEnvelope> buffer)
    {
        public byte[] GroupId { get; } = groupId;

        public Topic Topic { get; } = topic;

        public string TopicText { get; } = topic.ToString();

        public ulong JoinSequence { get; } = joinSequence;

        /// <summary>Envelopes of this group in the batch being processed (scratch space, empty between batches).</summary>
        public List<CausalEnvelope<ParsedOriginatorEnvelope>> Arrived { get; } = [];

        public int Size { get; } = size;

        public ulong Epoch { get; set; }

        public CausalDeliveryBuffer<ParsedOriginatorEnvelope> Buffer { get; } = buffer;
    }

    private sealed record PendingPublish(long LocalId, string What, Topic Topic)
    {
        public GroupPlan? Creates { get; init; }
    }

    private sealed record StartTick
    {
        public static StartTick Instance { get; } = new();
    }

    private sealed record MessageTick
    {
        public static MessageTick Instance { get; } = new();
    }

    private sealed record IdentityTick
    {
        public static IdentityTick Instance { get; } = new();
    }

    private sealed record CausalTick
    {
        public static CausalTick Instance { get; } = new();
    }

    private sealed record ResubscribeTick
    {
        public static ResubscribeTick Instance { get; } = new();
    }

    private sealed record CommitTick(int GroupIndex);

    private sealed record SubscribeTimedOut(int Generation);
}
