using XmtpSim.Protocol.Fees;

namespace XmtpSim.Cli.Commands;

/// <summary>Validated inputs of <c>xmtpsim fee quote</c>.</summary>
public sealed record FeeQuoteRequest(long Bytes, long RetentionDays, ulong RatePerMinute, Rates Rates);
