using XmtpSim.Checks.Recording;

namespace XmtpSim.Checks.Output;

/// <summary><c>deliveries.csv</c>: one row per client apply, in journal order.</summary>
public static class DeliveriesCsv
{
    /// <summary>The header line.</summary>
    public const string Header = "publish_ns,apply_ns,latency_ms,client,node,topic,originator,seq,fee_picodollars";

    /// <summary>Writes the file's text (latency_ms is empty when the publish time is unknown; publish_ns is then -1).</summary>
    public static void Write(TextWriter writer, RecordedHistory history)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(history);
        Csv.Line(writer, Header);

        // 71 million rows on mainnet-day: each field goes straight into the writer, with no string per number or row.
        Span<char> scratch = stackalloc char[64];
        foreach (var a in history.Applies)
        {
            Csv.WriteNum(writer, a.PublishedNs, scratch);
            writer.Write(',');
            Csv.WriteNum(writer, a.TimeNs, scratch);
            writer.Write(',');
            if (a.LatencyNs >= 0)
            {
                Csv.WriteMillis(writer, a.LatencyNs, scratch);
            }

            writer.Write(',');
            writer.Write(Csv.Field(history.Actors[a.Client]));
            writer.Write(',');
            if (a.ReadNode >= 0)
            {
                writer.Write(Csv.Field(history.Actors[a.ReadNode]));
            }

            writer.Write(',');
            writer.Write(Csv.Field(history.Topics[a.Topic]));
            writer.Write(',');
            Csv.WriteNum(writer, a.Envelope.Originator, scratch);
            writer.Write(',');
            Csv.WriteNum(writer, a.Envelope.Sequence, scratch);
            writer.Write(',');
            Csv.WriteNum(writer, a.FeePicodollars, scratch);
            writer.Write('\n');
        }
    }
}
