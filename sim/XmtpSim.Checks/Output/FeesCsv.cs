using XmtpSim.Checks.Recording;

namespace XmtpSim.Checks.Output;

/// <summary><c>fees.csv</c>: one row per simulated minute per originating node that originated in that minute.</summary>
public static class FeesCsv
{
    /// <summary>The header line.</summary>
    public const string Header = "minute,node,messages,base_picodollars,congestion_picodollars,total_picodollars,max_congestion_units";

    /// <summary>Writes the file's text, by minute then node id.</summary>
    public static void Write(TextWriter writer, RecordedHistory history)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(history);
        Csv.Line(writer, Header);
        var rows = new SortedDictionary<(long Minute, uint Node), long[]>();
        foreach (var o in history.Originations)
        {
            var key = (o.TimeNs / RecordedHistory.MinuteNs, o.Envelope.Originator);
            if (!rows.TryGetValue(key, out var row))
            {
                row = new long[4];
                rows.Add(key, row);
            }

            row[0]++;
            row[1] += o.BaseFee;
            row[2] += o.CongestionFee;
            row[3] = Math.Max(row[3], o.CongestionUnits);
        }

        foreach (var ((minute, node), row) in rows)
        {
            Csv.Line(
                writer,
                string.Join(
                    ',',
                    Csv.Num(minute),
                    ActorNames.Node(node),
                    Csv.Num(row[0]),
                    Csv.Num(row[1]),
                    Csv.Num(row[2]),
                    Csv.Num(row[1] + row[2]),
                    Csv.Num(row[3])));
        }
    }
}
