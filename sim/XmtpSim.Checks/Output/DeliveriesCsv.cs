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
        foreach (var a in history.Applies)
        {
            Csv.Line(
                writer,
                string.Join(
                    ',',
                    Csv.Num(a.PublishedNs),
                    Csv.Num(a.TimeNs),
                    a.LatencyNs < 0 ? string.Empty : Csv.Millis(a.LatencyNs),
                    Csv.Field(history.Actors[a.Client]),
                    a.ReadNode < 0 ? string.Empty : Csv.Field(history.Actors[a.ReadNode]),
                    Csv.Field(history.Topics[a.Topic]),
                    Csv.Num(a.Envelope.Originator),
                    Csv.Num(a.Envelope.Sequence),
                    Csv.Num(a.FeePicodollars)));
        }
    }
}
