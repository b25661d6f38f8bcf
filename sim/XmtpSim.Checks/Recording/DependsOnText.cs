using System.Globalization;
using XmtpSim.Protocol.Cursors;

namespace XmtpSim.Checks.Recording;

/// <summary>Reads <c>depends_on</c> in VectorClock's canonical text (<c>{0:4, 100:17}</c>, <c>{}</c> when empty) without building a clock.</summary>
public static class DependsOnText
{
    /// <summary>Appends every entry of <paramref name="text"/> to <paramref name="pool"/>; returns how many.</summary>
    /// <exception cref="FormatException">The text is not a canonical clock.</exception>
    public static int AppendTo(string text, ChunkedList<EnvelopeId> pool) => Parse(text, pool, out _);

    /// <summary>The sequence for originator 0 (the group commit the sender had seen), or 0 when absent.</summary>
    /// <exception cref="FormatException">The text is not a canonical clock.</exception>
    public static ulong CommitOf(string text)
    {
        Parse(text, null, out var commit);
        return commit;
    }

    /// <summary>Every (originator, sequence) entry of <paramref name="text"/>, in text order.</summary>
    /// <exception cref="FormatException">The text is not a canonical clock.</exception>
    public static IReadOnlyList<EnvelopeId> Entries(string text)
    {
        var pool = new ChunkedList<EnvelopeId>();
        Parse(text, pool, out _);
        return pool;
    }

    private static int Parse(string text, ChunkedList<EnvelopeId>? pool, out ulong commit)
    {
        commit = 0;
        var body = text.AsSpan().Trim();
        if (body.Length < 2 || body[0] != '{' || body[^1] != '}')
        {
            throw new FormatException($"depends_on '{text}' is not of the form {{o:s, ...}}");
        }

        body = body[1..^1];
        var count = 0;
        while (!body.IsEmpty)
        {
            var comma = body.IndexOf(',');
            var part = (comma < 0 ? body : body[..comma]).Trim();
            body = comma < 0 ? [] : body[(comma + 1)..];
            if (part.IsEmpty)
            {
                continue;
            }

            var colon = part.IndexOf(':');
            if (colon < 0
                || !uint.TryParse(part[..colon].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var originator)
                || !ulong.TryParse(part[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                throw new FormatException($"depends_on '{text}' has a malformed entry");
            }

            if (originator == 0)
            {
                commit = sequence;
            }

            pool?.Add(new EnvelopeId(originator, sequence));
            count++;
        }

        return count;
    }
}
