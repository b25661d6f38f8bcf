using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace XmtpSim.Engine.Hosting;

/// <summary>
/// The mailbox of every simulated actor: a plain FIFO queue, not Akka's default concurrent one. The engine is
/// the only sender (each delivery is a Tell from the thread that runs that actor's events this instant, and
/// the inline dispatcher runs the mailbox on that same thread before the Tell returns), so no two threads ever
/// touch one queue at once; moving between threads from one instant to the next goes through the engine's
/// barrier. Akka's own system messages (create, stop, terminate) use the mailbox's separate system queue
/// and are unaffected.
/// </summary>
public sealed class EngineMailbox : MailboxType, IProducesMessageQueue<EngineMailbox.EngineMessageQueue>
{
    /// <summary>HOCON id under which the engine registers this mailbox.</summary>
    public const string Id = "xmtpsim.engine-mailbox";

    /// <summary>Called by Akka when the mailbox is first looked up.</summary>
    public EngineMailbox(Settings settings, Config config)
        : base(settings, config)
    {
    }

    /// <inheritdoc />
    public override IMessageQueue Create(IActorRef owner, ActorSystem system) => new EngineMessageQueue();

    /// <summary>One actor's queue of user messages.</summary>
    public sealed class EngineMessageQueue : IMessageQueue, IUnboundedMessageQueueSemantics
    {
        private readonly Queue<Envelope> _queue = new();

        /// <inheritdoc />
        public bool HasMessages => _queue.Count > 0;

        /// <inheritdoc />
        public int Count => _queue.Count;

        /// <inheritdoc />
        public void Enqueue(IActorRef receiver, Envelope envelope) => _queue.Enqueue(envelope);

        /// <inheritdoc />
        public bool TryDequeue(out Envelope envelope) => _queue.TryDequeue(out envelope);

        /// <inheritdoc />
        public void CleanUp(IActorRef owner, IMessageQueue deadletters)
        {
            while (_queue.TryDequeue(out var envelope))
            {
                deadletters.Enqueue(owner, envelope);
            }
        }
    }
}
