using System.Text.Json;
using XmtpSim.Engine.Journal;

namespace XmtpSim.Actors.Journal;

/// <summary>PayerRegistry <c>Deposit(payer, amount)</c> on the settlement chain; amounts in microdollars.</summary>
public sealed record PayerDepositEvent(long TimeNs, string Payer, ulong Amount, long Balance) : JournalEvent(TimeNs)
{
    /// <inheritdoc />
    public override string Kind => "deposit";

    /// <inheritdoc />
    public override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("payer"u8, Payer);
        writer.WriteNumber("amount"u8, Amount);
        writer.WriteNumber("balance"u8, Balance);
    }
}
