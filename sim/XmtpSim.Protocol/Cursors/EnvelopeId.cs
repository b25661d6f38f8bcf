namespace XmtpSim.Protocol.Cursors;

/// <summary>
/// The network-wide identity of an envelope: (originator node id, originator sequence id). Inserts are
/// idempotent on it everywhere (spec §5.1).
/// </summary>
public readonly record struct EnvelopeId(uint Originator, ulong Sequence) : IComparable<EnvelopeId>
{
    /// <summary>Query order: by originator, then sequence (spec §5.2).</summary>
    public int CompareTo(EnvelopeId other)
    {
        var byOriginator = Originator.CompareTo(other.Originator);
        return byOriginator != 0 ? byOriginator : Sequence.CompareTo(other.Sequence);
    }

    /// <summary>Query order.</summary>
    public static bool operator <(EnvelopeId left, EnvelopeId right) => left.CompareTo(right) < 0;

    /// <summary>Query order.</summary>
    public static bool operator >(EnvelopeId left, EnvelopeId right) => left.CompareTo(right) > 0;

    /// <summary>Query order.</summary>
    public static bool operator <=(EnvelopeId left, EnvelopeId right) => left.CompareTo(right) <= 0;

    /// <summary>Query order.</summary>
    public static bool operator >=(EnvelopeId left, EnvelopeId right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => $"{Originator}:{Sequence}";
}
