using Akka.Configuration;
using Akka.Dispatch;

namespace XmtpSim.Engine.Hosting;

/// <summary>
/// Runs an actor's mailbox on the thread that enqueued the message, so a Tell from the engine processes
/// the message before it returns. This is what lets virtual time advance only when every handler of the
/// current instant has finished, with no wall-clock waits.
/// </summary>
public sealed class InlineDispatcherConfigurator : MessageDispatcherConfigurator
{
    /// <summary>HOCON id under which the engine registers this dispatcher.</summary>
    public const string Id = "xmtpsim.inline-dispatcher";

    private readonly InlineDispatcher _instance;

    /// <summary>Called by Akka when the dispatcher is first looked up.</summary>
    public InlineDispatcherConfigurator(Config config, IDispatcherPrerequisites prerequisites)
        : base(config, prerequisites)
    {
        _instance = new InlineDispatcher(this);
    }

    /// <inheritdoc />
    public override MessageDispatcher Dispatcher() => _instance;

    private sealed class InlineDispatcher(MessageDispatcherConfigurator configurator) : MessageDispatcher(configurator)
    {
        protected override void ExecuteTask(IRunnable run)
        {
            var previous = SynchronizationContext.Current;
            if (previous is null)
            {
                run.Run(); // the engine's own threads have none: nothing to hide from the handler
                return;
            }

            try
            {
                SynchronizationContext.SetSynchronizationContext(null);
                run.Run();
            }
            finally
            {
                SynchronizationContext.SetSynchronizationContext(previous);
            }
        }

        protected override void Shutdown()
        {
        }
    }
}
