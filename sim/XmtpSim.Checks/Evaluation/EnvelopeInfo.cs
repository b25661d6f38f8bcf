using XmtpSim.Protocol.Cursors;

namespace XmtpSim.Checks.Evaluation;

/// <summary>What is known of one envelope across the journal (an entry of <see cref="HistoryAnalysis.Envelopes"/>).</summary>
internal struct EnvelopeInfo
{
    public EnvelopeId Id;

    /// <summary>Topic id, or -1 when no event named it.</summary>
    public int Topic;

    /// <summary>Position in <see cref="HistoryAnalysis.Acked"/>, or -1 when never acknowledged.</summary>
    public int AckOrder;

    public long AckNs;

    /// <summary>Client actor id that got the ack, or -1.</summary>
    public int AckClient;

    /// <summary>Publish time, nanoseconds, or -1.</summary>
    public long PublishedNs;

    /// <summary>The depends_on entry for originator 0, or -1 when unknown.</summary>
    public long DependsOnCommit;

    /// <summary>Time its originator originated it (node envelopes) or the chain included it, or -1.</summary>
    public long OriginatedNs;
}
