namespace XmtpSim.Checks.Results;

/// <summary>Replication: time from origination to a replica's store, over every replicated copy.</summary>
/// <param name="Copies">Replicated copies stored.</param>
/// <param name="Indexed">Chain envelopes indexed by nodes.</param>
/// <param name="LagP50Ms">Median origination-to-store lag, ms.</param>
/// <param name="LagP99Ms">99th percentile, ms.</param>
/// <param name="LagMaxMs">Maximum, ms.</param>
/// <param name="SequenceAnomalies">Gaps and out-of-order envelopes noticed on streams.</param>
/// <param name="NodeRejects">Publishes refused by nodes.</param>
/// <param name="GatewayRetries">Gateway retries on another node.</param>
public sealed record ReplicationSummary(
    long Copies, long Indexed, double LagP50Ms, double LagP99Ms, double LagMaxMs, long SequenceAnomalies, long NodeRejects, long GatewayRetries);
