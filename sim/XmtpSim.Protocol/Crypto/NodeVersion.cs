using System.Globalization;

namespace XmtpSim.Protocol.Crypto;

/// <summary>
/// A semantic version (major.minor.patch, optional "v" prefix, pre-release and build metadata) as
/// xmtpd's node JWT <c>version</c> claim carries it (Masterminds/semver in <c>pkg/authn</c>).
/// </summary>
public readonly record struct NodeVersion(int Major, int Minor, int Patch, string PreRelease, string Metadata) : IComparable<NodeVersion>
{
    /// <summary>The oldest peer version xmtpd accepts when it is itself on major 1 (<c>authn.MinCompatibleVersion</c>).</summary>
    public static NodeVersion MinCompatible { get; } = new(1, 1, 0, "", "");

    /// <summary>Parses "1.2.3", "v1.2.3", "1.2.3-dev+abc"; missing minor/patch count as 0, as Masterminds/semver allows.</summary>
    public static bool TryParse(string? text, out NodeVersion version)
    {
        version = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var rest = text.StartsWith('v') ? text[1..] : text;
        var metadata = "";
        var plus = rest.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            metadata = rest[(plus + 1)..];
            rest = rest[..plus];
        }

        var preRelease = "";
        var dash = rest.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            preRelease = rest[(dash + 1)..];
            rest = rest[..dash];
            if (preRelease.Length == 0)
            {
                return false;
            }
        }

        var parts = rest.Split('.');
        if (parts.Length is < 1 or > 3)
        {
            return false;
        }

        Span<int> numbers = stackalloc int[3];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0 || !parts[i].All(char.IsAsciiDigit)
                || !int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        version = new NodeVersion(numbers[0], numbers[1], numbers[2], preRelease, metadata);
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/>.</summary>
    public static NodeVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"'{text}' is not a semantic version");

    /// <summary>
    /// Whether a peer at <paramref name="peer"/> may connect to a server at this version: the peer's
    /// version without pre-release must lie in [floor, next major), floor being
    /// <see cref="MinCompatible"/> when the server is on its major, else major.0.0 (<c>authn.NewClaimValidator</c>).
    /// </summary>
    public bool Accepts(NodeVersion peer)
    {
        var floor = Major == MinCompatible.Major ? MinCompatible : new NodeVersion(Major, 0, 0, "", "");
        var sanitized = peer with { PreRelease = "", Metadata = "" };
        return sanitized.CompareTo(floor) >= 0 && sanitized.Major < Major + 1;
    }

    /// <summary>Precedence order: numbers, then a pre-release sorts before the release (metadata ignored).</summary>
    public int CompareTo(NodeVersion other)
    {
        var byNumber = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (byNumber != 0)
        {
            return byNumber;
        }

        return (PreRelease.Length == 0, other.PreRelease.Length == 0) switch
        {
            (true, true) => 0,
            (true, false) => 1,
            (false, true) => -1,
            _ => string.CompareOrdinal(PreRelease, other.PreRelease),
        };
    }

    /// <summary>Normalised form "major.minor.patch[-pre][+meta]", as Masterminds/semver marshals to JSON.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}")
        + (PreRelease.Length > 0 ? "-" + PreRelease : "")
        + (Metadata.Length > 0 ? "+" + Metadata : "");

    /// <summary>Precedence order.</summary>
    public static bool operator <(NodeVersion left, NodeVersion right) => left.CompareTo(right) < 0;

    /// <summary>Precedence order.</summary>
    public static bool operator >(NodeVersion left, NodeVersion right) => left.CompareTo(right) > 0;

    /// <summary>Precedence order.</summary>
    public static bool operator <=(NodeVersion left, NodeVersion right) => left.CompareTo(right) <= 0;

    /// <summary>Precedence order.</summary>
    public static bool operator >=(NodeVersion left, NodeVersion right) => left.CompareTo(right) >= 0;
}
