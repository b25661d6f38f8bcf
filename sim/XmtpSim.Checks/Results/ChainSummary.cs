namespace XmtpSim.Checks.Results;

/// <summary>The app chain.</summary>
/// <param name="Blocks">Blocks sealed.</param>
/// <param name="Transactions">Broadcaster transactions included.</param>
/// <param name="GasUsed">Gas used over all blocks.</param>
/// <param name="MeanGasFill">Mean of gas used / gas limit per block (0..1).</param>
/// <param name="MaxGasFill">Largest gas used / gas limit of a block (0..1).</param>
/// <param name="MaxPending">Most transactions waiting after a block.</param>
/// <param name="Rejects">Transactions refused.</param>
/// <param name="InclusionP50Ms">Submission-to-inclusion time, median, ms.</param>
/// <param name="InclusionP99Ms">Submission-to-inclusion time, 99th percentile, ms.</param>
public sealed record ChainSummary(
    long Blocks, long Transactions, long GasUsed, double MeanGasFill, double MaxGasFill, int MaxPending, long Rejects, double InclusionP50Ms,
    double InclusionP99Ms);
