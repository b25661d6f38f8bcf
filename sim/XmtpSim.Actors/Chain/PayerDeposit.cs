using XmtpSim.Protocol.Crypto;

namespace XmtpSim.Actors.Chain;

/// <summary>A PayerRegistry <c>deposit(payer, amount)</c> made when the run starts; microdollars (fee token, 6 decimals).</summary>
public sealed record PayerDeposit(EthAddress Payer, ulong AmountMicrodollars);
