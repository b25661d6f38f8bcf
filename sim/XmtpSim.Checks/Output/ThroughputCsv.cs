using XmtpSim.Checks.Recording;

namespace XmtpSim.Checks.Output;

/// <summary><c>throughput.csv</c>: one row per simulated minute (minute 0 is [0, 60 s)).</summary>
public static class ThroughputCsv
{
    /// <summary>The header line.</summary>
    public const string Header =
        "minute,published,acknowledged,originated,replicated,indexed,applied,fees_picodollars,messages_sent,messages_delivered,messages_dropped";

    /// <summary>Writes the file's text: every minute from 0 to the minute of the last event.</summary>
    public static void Write(TextWriter writer, RecordedHistory history)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(history);
        Csv.Line(writer, Header);
        if (history.EventCount == 0)
        {
            return;
        }

        var minutes = (int)(history.EndNs / RecordedHistory.MinuteNs) + 1;
        var published = new long[minutes];
        var acked = new long[minutes];
        var originated = new long[minutes];
        var replicated = new long[minutes];
        var indexed = new long[minutes];
        var applied = new long[minutes];
        var fees = new long[minutes];
        foreach (var p in history.Publishes)
        {
            published[Minute(p.TimeNs)]++;
        }

        foreach (var a in history.Acks)
        {
            acked[Minute(a.TimeNs)]++;
        }

        foreach (var o in history.Originations)
        {
            originated[Minute(o.TimeNs)]++;
            fees[Minute(o.TimeNs)] += o.TotalFee;
        }

        foreach (var s in history.Stores)
        {
            (s.Source == StoreSource.Index ? indexed : replicated)[Minute(s.TimeNs)]++;
        }

        foreach (var a in history.Applies)
        {
            applied[Minute(a.TimeNs)]++;
        }

        for (var m = 0; m < minutes; m++)
        {
            Csv.Line(
                writer,
                string.Join(
                    ',',
                    Csv.Num(m),
                    Csv.Num(published[m]),
                    Csv.Num(acked[m]),
                    Csv.Num(originated[m]),
                    Csv.Num(replicated[m]),
                    Csv.Num(indexed[m]),
                    Csv.Num(applied[m]),
                    Csv.Num(fees[m]),
                    Csv.Num(At(history.SentPerMinute, m)),
                    Csv.Num(At(history.DeliveredPerMinute, m)),
                    Csv.Num(At(history.DroppedPerMinute, m))));
        }
    }

    private static int Minute(long timeNs) => (int)(Math.Max(0, timeNs) / RecordedHistory.MinuteNs);

    private static long At(IReadOnlyList<long> series, int minute) => minute < series.Count ? series[minute] : 0;
}
