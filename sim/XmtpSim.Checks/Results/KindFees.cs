namespace XmtpSim.Checks.Results;

/// <summary>Fees of the envelopes originated on topics of one kind.</summary>
/// <param name="Kind">Topic kind as the journal names it, e.g. <c>group_messages_v1</c> (the text before the topic's '/').</param>
/// <param name="Envelopes">Envelopes originated on topics of this kind.</param>
/// <param name="BasePicodollars">Sum of their base fees, picodollars.</param>
/// <param name="CongestionPicodollars">Sum of their congestion fees, picodollars.</param>
public sealed record KindFees(string Kind, long Envelopes, long BasePicodollars, long CongestionPicodollars)
{
    /// <summary>Base plus congestion, picodollars.</summary>
    public long TotalPicodollars => BasePicodollars + CongestionPicodollars;

    /// <summary>Mean fee per envelope of this kind, picodollars (0 when there is none).</summary>
    public double MeanPicodollars => Envelopes == 0 ? 0 : (double)TotalPicodollars / Envelopes;
}
