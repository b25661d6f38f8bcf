namespace XmtpSim.Engine;

/// <summary>
/// A simulated party: a dense index (its rank in the stable event order) and a name ("node-100",
/// "client-17"). Indices are assigned in registration order, which the run builder keeps deterministic.
/// </summary>
public readonly record struct ActorId(int Index, string Name) : IComparable<ActorId>
{
    /// <inheritdoc />
    public int CompareTo(ActorId other) => Index.CompareTo(other.Index);

    /// <summary>Event order.</summary>
    public static bool operator <(ActorId left, ActorId right) => left.Index < right.Index;

    /// <summary>Event order.</summary>
    public static bool operator >(ActorId left, ActorId right) => left.Index > right.Index;

    /// <summary>Event order.</summary>
    public static bool operator <=(ActorId left, ActorId right) => left.Index <= right.Index;

    /// <summary>Event order.</summary>
    public static bool operator >=(ActorId left, ActorId right) => left.Index >= right.Index;

    /// <inheritdoc />
    public override string ToString() => Name;
}
