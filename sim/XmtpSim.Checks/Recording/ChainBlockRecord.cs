namespace XmtpSim.Checks.Recording;

/// <summary>The app chain sealed a block (journal kind <c>chain_block</c>).</summary>
/// <param name="TimeNs">Simulated time, nanoseconds.</param>
/// <param name="Block">Block number.</param>
/// <param name="Transactions">Transactions in the block.</param>
/// <param name="GasUsed">Gas used.</param>
/// <param name="GasLimit">Gas limit of the block.</param>
/// <param name="Pending">Transactions still waiting after the block.</param>
public readonly record struct ChainBlockRecord(long TimeNs, long Block, int Transactions, long GasUsed, long GasLimit, int Pending);
