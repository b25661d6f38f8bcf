using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using XmtpSim.Protocol.Fees;

namespace XmtpSim.Cli.Commands;

/// <summary>
/// <c>xmtpsim fee quote</c>: the fee of one message under the RateRegistry formulas of spec §9.3, for a
/// payer-envelope size, a retention and the originator's steady rate.
/// </summary>
public static class FeeQuoteCommand
{
    private static readonly Option<long> Bytes = new("--bytes")
    {
        Description = "Serialized PayerEnvelope size in bytes (the S of the storage fee)",
        Required = true,
    };

    private static readonly Option<long> RetentionDays = new("--retention-days")
    {
        Description = "Message retention in days, 2..365 (the D of the storage fee)",
        Required = true,
    };

    private static readonly Option<long> RatePerMinute = new("--rate-per-minute")
    {
        Description = "The originator's steady rate in messages per minute (every minute of the congestion window holds it)",
        DefaultValueFactory = _ => 0,
    };

    private static readonly Option<long> MessageFee = new("--message-fee")
    {
        Description = "RateRegistry messageFee, picodollars per message",
        DefaultValueFactory = _ => (long)Rates.MainnetStart.MessageFee,
    };

    private static readonly Option<long> StorageFee = new("--storage-fee")
    {
        Description = "RateRegistry storageFee, picodollars per byte-day",
        DefaultValueFactory = _ => (long)Rates.MainnetStart.StorageFee,
    };

    private static readonly Option<long> CongestionFee = new("--congestion-fee")
    {
        Description = "RateRegistry congestionFee, picodollars per congestion unit",
        DefaultValueFactory = _ => (long)Rates.MainnetStart.CongestionFee,
    };

    private static readonly Option<long> TargetRatePerMinute = new("--target-rate-per-minute")
    {
        Description = "RateRegistry targetRatePerMinute, messages per minute per originator (0 disables congestion fees)",
        DefaultValueFactory = _ => (long)Rates.MainnetStart.TargetRatePerMinute,
    };

    private static readonly Option<bool> Json = new("--json")
    {
        Description = "Print one JSON object instead of text",
    };

    /// <summary>The <c>fee</c> command with its <c>quote</c> subcommand.</summary>
    public static Command Create()
    {
        var quote = new Command("quote", "Price one message: base fee, congestion units, congestion fee and total")
        {
            Bytes, RetentionDays, RatePerMinute, MessageFee, StorageFee, CongestionFee, TargetRatePerMinute, Json,
        };
        quote.SetAction(parse =>
        {
            var request = new FeeQuoteRequest(
                Positive(parse.GetValue(Bytes), "--bytes"),
                Retention(parse.GetValue(RetentionDays)),
                NonNegative(parse.GetValue(RatePerMinute), "--rate-per-minute"),
                new Rates(
                    NonNegative(parse.GetValue(MessageFee), "--message-fee"),
                    NonNegative(parse.GetValue(StorageFee), "--storage-fee"),
                    NonNegative(parse.GetValue(CongestionFee), "--congestion-fee"),
                    NonNegative(parse.GetValue(TargetRatePerMinute), "--target-rate-per-minute"),
                    0));
            FeeQuote quoteResult;
            try
            {
                quoteResult = FeeCalculator.Quote(request.Rates, request.Bytes, request.RetentionDays, CongestionWindow.Steady(request.RatePerMinute));
            }
            catch (FeeCalculationException ex)
            {
                throw new UsageException($"fee overflow: {ex.Message}; reduce --bytes, --retention-days or the fee options", ex);
            }

            parse.InvocationConfiguration.Output.Write(parse.GetValue(Json) ? FormatJson(request, quoteResult) : FormatText(request, quoteResult));
            return ExitCodes.Success;
        });

        return new Command("fee", "Fee modelling with the RateRegistry formulas") { quote };
    }

    /// <summary>The quote as one JSON object (keys are a public contract).</summary>
    public static string FormatJson(FeeQuoteRequest request, FeeQuote quote)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("bytes", request.Bytes);
            json.WriteNumber("retention_days", request.RetentionDays);
            json.WriteNumber("rate_per_minute", request.RatePerMinute);
            json.WriteNumber("message_fee_picodollars", request.Rates.MessageFee);
            json.WriteNumber("storage_fee_picodollars", request.Rates.StorageFee);
            json.WriteNumber("congestion_fee_rate_picodollars", request.Rates.CongestionFee);
            json.WriteNumber("target_rate_per_minute", request.Rates.TargetRatePerMinute);
            json.WriteNumber("base_fee_picodollars", quote.BaseFeePicodollars);
            json.WriteNumber("congestion_units", quote.CongestionUnits);
            json.WriteNumber("congestion_fee_picodollars", quote.CongestionFeePicodollars);
            json.WriteNumber("total_picodollars", quote.TotalPicodollars);
            json.WriteNumber("base_fee_dollars", FeeQuote.ToDollars(quote.BaseFeePicodollars));
            json.WriteNumber("congestion_fee_dollars", FeeQuote.ToDollars(quote.CongestionFeePicodollars));
            json.WriteNumber("total_dollars", FeeQuote.ToDollars(quote.TotalPicodollars));
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The quote as aligned text.</summary>
    public static string FormatText(FeeQuoteRequest request, FeeQuote quote)
    {
        var c = CultureInfo.InvariantCulture;
        var r = request.Rates;
        return string.Create(c, $"""
            Fee quote: {request.Bytes:N0} B payer envelope kept {request.RetentionDays} days, originator at {request.RatePerMinute:N0} msg/min
            Rates: message {r.MessageFee:N0} pico, storage {r.StorageFee:N0} pico/B/day, congestion {r.CongestionFee:N0} pico/unit, target {r.TargetRatePerMinute:N0} msg/min
              base fee          {quote.BaseFeePicodollars,22:N0} pico  {Dollars(quote.BaseFeePicodollars)}
              congestion units  {quote.CongestionUnits,22:N0}
              congestion fee    {quote.CongestionFeePicodollars,22:N0} pico  {Dollars(quote.CongestionFeePicodollars)}
              total             {quote.TotalPicodollars,22:N0} pico  {Dollars(quote.TotalPicodollars)}

            """);
    }

    private static string Dollars(long picodollars) =>
        "$" + FeeQuote.ToDollars(picodollars).ToString("0.############", CultureInfo.InvariantCulture);

    private static long Positive(long value, string option) =>
        value > 0 ? value : throw new UsageException($"{option} must be a positive integer, got {value}");

    private static ulong NonNegative(long value, string option) =>
        value >= 0 ? (ulong)value : throw new UsageException($"{option} must not be negative, got {value}");

    private static long Retention(long days) =>
        days is >= 2 and <= 365 ? days : throw new UsageException($"--retention-days must be between 2 and 365, got {days}");
}
