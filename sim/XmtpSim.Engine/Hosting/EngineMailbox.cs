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

    /// <summary>
    /// One actor's queue of user messages. The engine hands an actor one message at a time and the inline
    /// dispatcher runs it before the Tell returns, so the queue almost always holds zero or one message: that one
    /// lives in a field of the queue itself, and only a message sent to an actor by itself while it runs (or any
    /// other nesting) goes to the overflow queue behind it. On the day's 100,000 clients every delivery reads a
    /// queue that is not in the cache; a field saves reading a separate array.
    /// </summary>
    public sealed class EngineMessageQueue : IMessageQueue, IUnboundedMessageQueueSemantics
    {
        private Envelope _first;
        private bool _hasFirst;
        private Queue<Envelope>? _rest;

        /// <inheritdoc />
        public bool HasMessages => _hasFirst;

        /// <inheritdoc />
        public int Count => !_hasFirst ? 0 : 1 + (_rest?.Count ?? 0);

        /// <inheritdoc />
        public void Enqueue(IActorRef receiver, Envelope envelope)
        {
            if (!_hasFirst)
            {
                _first = envelope;
                _hasFirst = true;
            }
            else
            {
                (_rest ??= new Queue<Envelope>()).Enqueue(envelope);
            }
        }

        /// <inheritdoc />
        public bool TryDequeue(out Envelope envelope)
        {
            if (!_hasFirst)
            {
                envelope = default;
                return false;
            }

            envelope = _first;
            if (_rest is { Count: > 0 } rest)
            {
                _first = rest.Dequeue();
            }
            else
            {
                _first = default;
                _hasFirst = false;
            }

            return true;
        }

        /// <inheritdoc />
        public void CleanUp(IActorRef owner, IMessageQueue deadletters)
        {
            while (TryDequeue(out var envelope))
            {
                deadletters.Enqueue(owner, envelope);
            }
        }
    }
}
