namespace XmtpSim.Checks.Recording;

/// <summary>Wire traffic of one message type (engine <c>send</c>/<c>deliver</c>/<c>drop</c> events, which are counted, not kept).</summary>
public sealed class MessageCounters
{
    /// <summary>Messages sent.</summary>
    public long Sent { get; internal set; }

    /// <summary>Messages delivered.</summary>
    public long Delivered { get; internal set; }

    /// <summary>Messages dropped (partition, crashed receiver, stale timer).</summary>
    public long Dropped { get; internal set; }

    /// <summary>Bytes sent.</summary>
    public long SentBytes { get; internal set; }
}
