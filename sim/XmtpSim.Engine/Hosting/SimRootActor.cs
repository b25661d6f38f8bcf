using Akka.Actor;

namespace XmtpSim.Engine.Hosting;

/// <summary>
/// Parent of every simulated actor. A child that throws is a bug in the model: the failure is reported to
/// the engine, which aborts the run, instead of Akka's default of restarting the child with its state lost.
/// </summary>
internal sealed class SimRootActor : UntypedActor
{
    private readonly Action<Exception> _onFailure;

    public SimRootActor(Action<Exception> onFailure)
    {
        _onFailure = onFailure;
    }

    public static Props Props(Action<Exception> onFailure) =>
        SimProps.Of(() => new SimRootActor(onFailure)).WithDispatcher(InlineDispatcherConfigurator.Id);

    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(ex =>
    {
        _onFailure(ex);
        return Directive.Stop;
    });

    protected override void OnReceive(object message)
    {
        if (message is Spawn spawn)
        {
            spawn.Created(Context.ActorOf(spawn.Props.WithDispatcher(InlineDispatcherConfigurator.Id).WithMailbox(EngineMailbox.Id), spawn.Name));
        }
        else
        {
            Unhandled(message);
        }
    }

    /// <summary>Create a child; <paramref name="Created"/> receives its ref before the Tell returns (inline dispatch).</summary>
    public sealed record Spawn(Props Props, string Name, Action<IActorRef> Created);
}
