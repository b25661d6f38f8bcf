using Akka.Actor;
using Akka.TestKit;
using Google.Protobuf;
using XmtpSim.Actors.Journal;
using XmtpSim.Actors.Messages;
using XmtpSim.Actors.Node;
using XmtpSim.Engine;
using XmtpSim.Protocol.Crypto;
using XmtpSim.Protocol.Envelopes;
using XmtpSim.Protocol.Fees;
using XmtpSim.Protocol.Mls;

namespace XmtpSim.Actors.Tests;

/// <summary>
/// The node actor on Akka.TestKit, isolated from the engine: messages are told on the calling thread,
/// time is the fake context's, and every send, timer and journal line is inspected exactly.
/// </summary>
public sealed class NodeActorSpec : Akka.TestKit.Xunit2.TestKit
{
    private static readonly ActorId NodeId = new(2, "node-100");
    private static readonly ActorId Gateway = new(5, "gateway-1");
    private static readonly ActorId AppChain = new(1, "appchain");
    private static readonly ActorId Settlement = new(0, "settlement");
    private static readonly SigningKey NodeKey = SigningKey.Derive("node-100", 1);
    private static readonly SigningKey PayerKey = SigningKey.Derive("gateway-1", 1);
    private static readonly ISignatureScheme Scheme = new RealSignatureScheme(BouncyCastleSecp256k1.Instance);
    private static readonly byte[] GroupId = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();

    private readonly FakeSimContext _sim = new(NodeId);
    private readonly NodeStore _store = new();
    private readonly IActorRef _node;

    public NodeActorSpec()
    {
        var settings = new NodeSettings
        {
            NodeId = 100,
            Key = NodeKey,
            Scheme = Scheme,
            Costs = CryptoCosts.Default,
            AppChain = AppChain,
            Settlement = Settlement,
        };
        _node = Sys.ActorOf(NodeActor.Props(_sim, settings, _store).WithDispatcher(CallingThreadDispatcher.Id));

        // Top-level creation is asynchronous: confirm the actor started before driving it.
        var probe = CreateTestProbe();
        _node.Tell(new Identify("started"), probe.Ref);
        probe.ExpectMsg<ActorIdentity>(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Node_should_ask_for_the_registry_subscribe_to_the_chain_and_start_its_poll_on_start()
    {
        Assert.Contains(_sim.Sent, s => s.To == Settlement && s.Message is GetRegistry);
        Assert.Contains(_sim.Sent, s => s.To == AppChain && s.Message is IndexFrom { Block: 1 });
        Assert.Equal(100 * SimTime.NanosPerMilli, _sim.Timers["poll"].Due);
    }

    [Fact]
    public void Node_should_refuse_to_price_before_rates_are_loaded()
    {
        Publish(ApplicationMessage(dependsOnCommit: 0));
        var reply = DueReply();
        Assert.Equal("Unavailable", reply.ErrorCode);
    }

    [Fact]
    public void Node_should_originate_sign_price_and_reply_after_the_publish_latency()
    {
        LoadRates();
        _sim.Now = 5 * SimTime.NanosPerSecond;
        Publish(ApplicationMessage(dependsOnCommit: 0));

        var reply = DueReply();
        var envelope = Assert.Single(reply.Envelopes);
        Assert.Null(reply.ErrorCode);
        Assert.Equal((100u, 1ul), (envelope.OriginatorNodeId, envelope.SequenceId));
        Assert.Equal(NodeKey.Address, envelope.OriginatorSigner);
        var expectedBase = FeeCalculator.BaseFee(Rates.MainnetStart, envelope.Payer.Raw.Length, 60);
        Assert.Equal((ulong)expectedBase, envelope.BaseFeePicodollars);
        Assert.Equal(1, _store.Count);
        var originate = Assert.Single(_sim.Journaled.OfType<NodeOriginateEvent>());
        Assert.Equal(expectedBase, originate.BaseFee);
        Assert.Equal(CryptoCosts.Default.RecoverNanos + CryptoCosts.Default.SignNanos, _sim.Charged);
    }

    [Fact]
    public void Node_should_reject_commits_which_belong_on_the_chain()
    {
        LoadRates();
        var commit = MlsFrame.Build(GroupId, 0, MlsContentType.Commit, 200, 9UL);
        Publish(ClientEnvelopes.GroupMessage(GroupId, ByteString.CopyFrom(commit)));
        Assert.Equal("InvalidArgument", DueReply().ErrorCode);
        Assert.Single(_sim.Journaled.OfType<NodeRejectEvent>());
        Assert.Equal(0, _store.Count);
    }

    [Fact]
    public void Node_should_reject_a_dependency_on_a_commit_it_has_not_indexed()
    {
        LoadRates();
        Publish(ApplicationMessage(dependsOnCommit: 3));
        var reply = DueReply();
        Assert.Equal("InvalidArgument", reply.ErrorCode);
        Assert.Contains("not been seen", reply.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Node_poll_should_send_every_subscriber_one_shared_batch_of_a_single_new_row_and_its_own_batch_of_several()
    {
        LoadRates();
        var topic = Protocol.Topics.Topic.GroupMessages(GroupId);
        ActorId[] clients = [new(10, "client-0"), new(11, "client-1")];
        foreach (var client in clients)
        {
            _sim.Sender = client;
            _node.Tell(new SubscribeTopics([new TopicFilter(topic, Protocol.Cursors.VectorClock.Empty)]));
        }

        Publish(ApplicationMessage(dependsOnCommit: 0));
        var single = PollBatches(clients);
        Assert.Same(single[0], single[1]);
        Assert.Equal((100u, 1ul), (Assert.Single(single[0].Envelopes).OriginatorNodeId, single[0].Envelopes[0].SequenceId));

        Publish(ApplicationMessage(dependsOnCommit: 0));
        Publish(ApplicationMessage(dependsOnCommit: 0));
        var pair = PollBatches(clients);
        foreach (var batch in pair)
        {
            Assert.Equal([2ul, 3ul], batch.Envelopes.Select(e => e.SequenceId));
        }
    }

    /// <summary>Fires the node's poll; returns what it sent each of <paramref name="clients"/>, in their order.</summary>
    private TopicEnvelopes[] PollBatches(ActorId[] clients)
    {
        var (due, tick) = _sim.Timers["poll"];
        _sim.Now = due;
        _sim.Sender = NodeId;
        _sim.Sent.Clear();
        _node.Tell(tick);
        return [.. clients.Select(c => Assert.IsType<TopicEnvelopes>(Assert.Single(_sim.Sent, s => s.To == c).Message))];
    }

    private void LoadRates()
    {
        _sim.Sender = Settlement;
        _node.Tell(new RegistrySnapshot([], [Rates.MainnetStart]));
    }

    private void Publish(Protocol.Wire.Envelopes.ClientEnvelope client)
    {
        _sim.Sender = Gateway;
        var payer = EnvelopeSigner.SignPayer(Scheme, PayerKey, client, 100, 60);
        _node.Tell(new PublishPayerEnvelopes(1, [payer]));
    }

    private PublishPayerEnvelopesResult DueReply()
    {
        var (key, timer) = Assert.Single(_sim.Timers, t => t.Key.StartsWith("reply-", StringComparison.Ordinal));
        Assert.Equal(_sim.Now + new NodeSettings { NodeId = 0, Key = NodeKey, Scheme = Scheme, Costs = CryptoCosts.Default, AppChain = AppChain, Settlement = Settlement }.PublishLatencyNanos, timer.Due);
        _sim.Now = timer.Due;
        _sim.Sender = NodeId;
        _sim.Timers.Remove(key);
        _node.Tell(timer.Message);
        var (to, message, _) = _sim.Sent[^1];
        Assert.Equal(Gateway, to);
        return Assert.IsType<PublishPayerEnvelopesResult>(message);
    }

    private static Protocol.Wire.Envelopes.ClientEnvelope ApplicationMessage(ulong dependsOnCommit)
    {
        var frame = MlsFrame.Build(GroupId, 1, MlsContentType.Application, 256, 7UL);
        var deps = dependsOnCommit == 0 ? null : new Dictionary<uint, ulong> { [0] = dependsOnCommit };
        return ClientEnvelopes.GroupMessage(GroupId, ByteString.CopyFrom(frame), deps);
    }
}
