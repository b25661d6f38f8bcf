namespace XmtpSim.Protocol.Envelopes;

/// <summary>
/// The fields an originator adds when it accepts a payer envelope. Times come from the caller's
/// (simulated) clock; fees from the fee calculator.
/// </summary>
/// <param name="OriginatorNodeId">The signing node's ID.</param>
/// <param name="SequenceId">Its next sequence ID.</param>
/// <param name="OriginatorNs">Staging time, Unix nanoseconds.</param>
/// <param name="BaseFeePicodollars">Message + storage fee, picodollars.</param>
/// <param name="CongestionFeePicodollars">Congestion fee, picodollars.</param>
/// <param name="ExpiryUnixtime">Unix seconds; see <see cref="RetentionPolicy.ExpiryUnixSeconds"/>.</param>
public sealed record OriginatorStamp(
    uint OriginatorNodeId,
    ulong SequenceId,
    long OriginatorNs,
    ulong BaseFeePicodollars,
    ulong CongestionFeePicodollars,
    ulong ExpiryUnixtime)
{
    /// <summary>A stamp whose expiry is computed as the node does from signing time and retention days.</summary>
    /// <param name="signingUnixSeconds">Signing time, Unix seconds.</param>
    public static OriginatorStamp ForRetention(
        uint originatorNodeId,
        ulong sequenceId,
        long originatorNs,
        ulong baseFeePicodollars,
        ulong congestionFeePicodollars,
        long signingUnixSeconds,
        uint retentionDays) =>
        new(originatorNodeId, sequenceId, originatorNs, baseFeePicodollars, congestionFeePicodollars,
            RetentionPolicy.ExpiryUnixSeconds(signingUnixSeconds, retentionDays));
}
