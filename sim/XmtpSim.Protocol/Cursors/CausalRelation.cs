namespace XmtpSim.Protocol.Cursors;

/// <summary>How two vector clocks relate.</summary>
public enum CausalRelation
{
    /// <summary>Every entry equal.</summary>
    Equal,

    /// <summary>The left clock is dominated by the right one and differs from it.</summary>
    Before,

    /// <summary>The left clock dominates the right one and differs from it.</summary>
    After,

    /// <summary>Neither dominates the other.</summary>
    Concurrent,
}
