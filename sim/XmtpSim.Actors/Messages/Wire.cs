using Google.Protobuf;
using XmtpSim.Protocol.Envelopes;

namespace XmtpSim.Actors.Messages;

/// <summary>
/// Frame sizes of simulated gRPC messages: the protobuf bytes they carry plus per-item and per-frame
/// overhead (field tags, lengths, the 5-byte gRPC frame header and HTTP/2 framing).
/// </summary>
public static class Wire
{
    /// <summary>gRPC length-prefix (5 B) + HTTP/2 DATA frame header (9 B) + HEADERS share.</summary>
    public const int FrameOverhead = 40;

    /// <summary>Tag + length prefix of one repeated item.</summary>
    public const int ItemOverhead = 4;

    /// <summary>Size of a frame carrying <paramref name="items"/>.</summary>
    public static int Size<T>(IEnumerable<T> items)
        where T : IMessage
    {
        var total = FrameOverhead;
        foreach (var item in items)
        {
            total += item.CalculateSize() + ItemOverhead;
        }

        return total;
    }

    /// <summary>Size of a frame carrying <paramref name="envelopes"/>, serialized.</summary>
    public static int SizeOf(IReadOnlyList<ParsedOriginatorEnvelope> envelopes)
    {
        var total = FrameOverhead;
        for (var i = 0; i < envelopes.Count; i++) // by index: a foreach over the interface boxes an enumerator per frame
        {
            total += envelopes[i].RawLength + ItemOverhead;
        }

        return total;
    }
}
