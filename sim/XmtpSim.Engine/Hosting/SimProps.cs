using Akka.Actor;

namespace XmtpSim.Engine.Hosting;

/// <summary>
/// Props that create an actor by calling a factory. <c>Props.Create(() =&gt; new T(...))</c> builds an expression
/// tree per call, evaluates its arguments and then finds the constructor by reflection for every instance: at
/// 100,000 clients that is start-up time and garbage spent on nothing the simulation needs.
/// </summary>
public static class SimProps
{
    /// <summary>Props whose actor is <paramref name="create"/>'s result.</summary>
    public static Props Of<TActor>(Func<TActor> create)
        where TActor : ActorBase =>
        Props.CreateBy(new FactoryProducer<TActor>(create));

    private sealed class FactoryProducer<TActor>(Func<TActor> create) : IIndirectActorProducer
        where TActor : ActorBase
    {
        public Type ActorType => typeof(TActor);

        public ActorBase Produce() => create();

        public void Release(ActorBase actor)
        {
        }
    }
}
