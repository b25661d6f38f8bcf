namespace XmtpSim.Engine;

/// <summary>A change of the simulated world, played by the nemesis. A closed set.</summary>
public abstract record EngineCommand
{
    /// <summary>Split actors into groups that cannot reach each other (actors not listed reach everyone).</summary>
    public sealed record Partition(IReadOnlyList<IReadOnlyList<ActorId>> Groups) : EngineCommand;

    /// <summary>Block one direction only.</summary>
    public sealed record BlockOneWay(ActorId From, ActorId To) : EngineCommand;

    /// <summary>Remove all partitions and one-way blocks.</summary>
    public sealed record HealAll : EngineCommand;

    /// <summary>Stop an actor: its volatile state is gone, in-flight messages to it are dropped.</summary>
    public sealed record Crash(ActorId Actor) : EngineCommand;

    /// <summary>Start a crashed actor again from its durable state.</summary>
    public sealed record Restart(ActorId Actor) : EngineCommand;

    /// <summary>Add (or with a negative value remove) latency on everything to and from the actors.</summary>
    public sealed record AddLatency(IReadOnlyList<ActorId> Actors, long Nanos) : EngineCommand;

    /// <summary>Break every stream between the listed actors; they reconnect on their own.</summary>
    public sealed record ResetConnections(IReadOnlyList<ActorId> Actors) : EngineCommand;
}
