namespace XmtpSim.Protocol.Storage;

/// <summary>
/// Where, and after how long, a store moves what it rarely reads again out of memory: to <see cref="File"/>, once
/// an item is <see cref="AfterNanos"/> old by the store's own clock. Node stores (envelope bytes) and the app
/// chain (sealed blocks) share one policy and one file per run.
/// </summary>
public sealed class ColdStorage
{
    /// <summary>Moves items to <paramref name="file"/> once they are <paramref name="afterNanos"/> old.</summary>
    public ColdStorage(ScratchFile file, long afterNanos)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentOutOfRangeException.ThrowIfNegative(afterNanos);
        File = file;
        AfterNanos = afterNanos;
    }

    /// <summary>The scratch file items move to.</summary>
    public ScratchFile File { get; }

    /// <summary>How long an item stays in memory.</summary>
    public long AfterNanos { get; }

    /// <summary>True when an item stamped <paramref name="stampNs"/> is old enough at <paramref name="nowNs"/> to move.</summary>
    public bool IsDue(long stampNs, long nowNs) => nowNs - stampNs >= AfterNanos;
}
