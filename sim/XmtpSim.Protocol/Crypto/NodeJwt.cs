using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace XmtpSim.Protocol.Crypto;

/// <summary>
/// Node-to-node JWTs (ES256K), as <c>xmtp/xmtpd: pkg/authn</c> makes and checks them (spec §4).
/// </summary>
/// <remarks>
/// <para>Shape (golang-jwt v5): header <c>{"alg":"ES256K","typ":"JWT"}</c>; claims
/// <c>{"version":"1.2.3","sub":"100","aud":["200"],"exp":…,"iat":…}</c> in that order, times as whole
/// Unix seconds; all three segments base64url without padding.</para>
/// <para>Signature (<c>SigningMethodSecp256k1</c>): go-ethereum <c>crypto.Sign</c> over
/// keccak256("jwt|" ‖ "header.payload"), so the third segment is the 65-byte R ‖ S ‖ V with V ∈ {0, 1}.
/// Verification demands exactly 65 bytes but checks only (R, S) with plain ECDSA against the registry
/// public key of <c>sub</c>; V is ignored. Here that is done by recovering with V = 0 and V = 1 and
/// comparing with the registry key, which accepts exactly the (R, S) pairs ECDSA verification accepts
/// (including high S) except for the negligible R.x ≥ n case.</para>
/// <para>Checks, in xmtpd's order: parse, algorithm, subject and its registry key, signature, expiry
/// and not-before (the JWT library's, no leeway), audience contains this node, <c>iat</c> not more than 2 min in the
/// future, <c>exp</c> ≥ <c>iat</c>, lifetime ≤ 2 h, not expired, version compatible. Time is a
/// parameter: nothing here reads a clock.</para>
/// </remarks>
public static class NodeJwt
{
    /// <summary>JWT <c>alg</c> of node tokens.</summary>
    public const string Algorithm = "ES256K";

    /// <summary>gRPC metadata key carrying the token (XIP-49 said <c>Authorization</c>; the code uses this).</summary>
    public const string MetadataKey = "node-authorization";

    /// <summary>Lifetime of tokens this node issues (<c>tokenDuration</c>).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>Longest lifetime a verifier accepts (<c>maxTokenDuration</c>).</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(2);

    /// <summary>How far in the future <c>iat</c> may be (<c>MaxClockSkew</c>).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(2);

    private const int SignatureLength = 65;

    // json.Marshal of golang-jwt's header map sorts keys: alg before typ.
    private static readonly string EncodedHeader = Base64Url.EncodeToString("""{"alg":"ES256K","typ":"JWT"}"""u8);

    /// <summary>
    /// Issues a token from <paramref name="callerNodeId"/> for <paramref name="calleeNodeId"/>, valid for
    /// <see cref="Lifetime"/> from <paramref name="now"/> (truncated to whole seconds).
    /// </summary>
    /// <param name="key">The caller's registered node signing key.</param>
    /// <param name="backend">secp256k1 backend that signs.</param>
    /// <param name="callerNodeId">Becomes <c>sub</c>.</param>
    /// <param name="calleeNodeId">Becomes the single <c>aud</c> entry.</param>
    /// <param name="version">The caller's semantic version (the <c>version</c> claim), or null to omit it.</param>
    /// <param name="now">Issue time (simulated clock).</param>
    public static string Create(SigningKey key, ISecp256k1 backend, uint callerNodeId, uint calleeNodeId, NodeVersion? version, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(backend);
        var issuedAt = now.ToUnixTimeSeconds();
        var expiresAt = issuedAt + (long)Lifetime.TotalSeconds;
        return CreateWithClaims(key, backend, version?.ToString(), callerNodeId.ToString(CultureInfo.InvariantCulture),
            [calleeNodeId.ToString(CultureInfo.InvariantCulture)], issuedAt, expiresAt);
    }

    /// <summary>
    /// Verifies a token presented to node <paramref name="selfNodeId"/>.
    /// </summary>
    /// <param name="token">The compact JWT.</param>
    /// <param name="selfNodeId">This node's ID; must appear in <c>aud</c>.</param>
    /// <param name="selfVersion">This node's version, which decides the accepted peer range.</param>
    /// <param name="signingPublicKeyOf">The registry's 65-byte uncompressed signing key of a node, or null if unknown.</param>
    /// <param name="backend">secp256k1 backend that verifies.</param>
    /// <param name="now">Current time (simulated clock).</param>
    public static NodeJwtVerification Verify(
        string token,
        uint selfNodeId,
        NodeVersion selfVersion,
        Func<uint, byte[]?> signingPublicKeyOf,
        ISecp256k1 backend,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(signingPublicKeyOf);
        ArgumentNullException.ThrowIfNull(backend);
        var parts = (token ?? "").Split('.');
        if (parts.Length != 3)
        {
            return NodeJwtVerification.Fail(NodeJwtError.Malformed, "token does not have three segments");
        }

        if (!TryDecodeJson(parts[0], out var header) || !TryDecodeJson(parts[1], out var claims))
        {
            return NodeJwtVerification.Fail(NodeJwtError.Malformed, "header or claims are not base64url JSON");
        }

        using (header)
        using (claims)
        {
            if (!header.RootElement.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || alg.GetString() != Algorithm)
            {
                return NodeJwtVerification.Fail(NodeJwtError.UnsupportedAlgorithm, "signing method is not ES256K");
            }

            if (!TryReadClaims(claims.RootElement, out var parsed, out var problem))
            {
                return NodeJwtVerification.Fail(NodeJwtError.Malformed, problem);
            }

            if (!TryParseNodeId(parsed.Subject, out var callerNodeId))
            {
                return NodeJwtVerification.Fail(NodeJwtError.InvalidSubject, $"subject '{parsed.Subject}' is not a node ID");
            }

            var publicKey = signingPublicKeyOf(callerNodeId);
            if (publicKey is null)
            {
                return NodeJwtVerification.Fail(NodeJwtError.UnknownNode, $"node {callerNodeId} is not in the registry");
            }

            Span<byte> signature = stackalloc byte[SignatureLength + 1];
            if (!Base64Url.TryDecodeFromChars(parts[2], signature, out var signatureLength) || signatureLength != SignatureLength)
            {
                return NodeJwtVerification.Fail(NodeJwtError.BadSignature, "signature is not 65 bytes");
            }

            var digest = Digests.Jwt(parts[0] + "." + parts[1]);
            if (!VerifyRs(backend, digest, signature[..SignatureLength], publicKey))
            {
                return NodeJwtVerification.Fail(NodeJwtError.BadSignature, "signature verification failed");
            }

            var nowSeconds = now.ToUnixTimeMilliseconds() / 1000.0;
            if (parsed.ExpiresAt is { } libraryExp && !(nowSeconds < libraryExp))
            {
                return NodeJwtVerification.Fail(NodeJwtError.Expired, "token is expired");
            }

            if (parsed.NotBefore is { } nbf && nowSeconds < nbf)
            {
                return NodeJwtVerification.Fail(NodeJwtError.NotYetValid, "token is not valid yet");
            }

            var self = selfNodeId.ToString(CultureInfo.InvariantCulture);
            if (!parsed.Audience.Any(a => TryParseNodeId(a, out var id) && id == selfNodeId))
            {
                return NodeJwtVerification.Fail(NodeJwtError.WrongAudience, $"could not find self ({self}) in audience [{string.Join(",", parsed.Audience)}]");
            }

            if (parsed.IssuedAt is not { } iat || parsed.ExpiresAt is not { } exp)
            {
                return NodeJwtVerification.Fail(NodeJwtError.MissingTimes, "iat and exp are required");
            }

            if (nowSeconds - iat < -MaxClockSkew.TotalSeconds)
            {
                return NodeJwtVerification.Fail(NodeJwtError.IssuedInFuture, "token issued in the future");
            }

            if (exp < iat)
            {
                return NodeJwtVerification.Fail(NodeJwtError.ExpiresBeforeIssued, "token expires before the issued at time");
            }

            if (exp - iat > MaxLifetime.TotalSeconds)
            {
                return NodeJwtVerification.Fail(NodeJwtError.LifetimeTooLong, "token expiration time is greater than the max duration");
            }

            if (nowSeconds - exp > 0)
            {
                return NodeJwtVerification.Fail(NodeJwtError.Expired, "token is expired");
            }

            if (parsed.Version is { } peerVersion && !selfVersion.Accepts(peerVersion))
            {
                return NodeJwtVerification.Fail(NodeJwtError.IncompatibleVersion, $"version {peerVersion} is not compatible with {selfVersion}");
            }

            return new NodeJwtVerification(NodeJwtError.None, callerNodeId, "");
        }
    }

    /// <summary>
    /// Signs arbitrary claims in the node-token format. For tests and Byzantine behaviours (tokens with
    /// a long lifetime, a foreign audience, an old version); honest nodes use <see cref="Create"/>.
    /// </summary>
    public static string CreateWithClaims(
        SigningKey key,
        ISecp256k1 backend,
        string? version,
        string subject,
        IReadOnlyList<string> audience,
        long issuedAtUnixSeconds,
        long expiresAtUnixSeconds)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(audience);
        var buffer = new ArrayBufferWriter<byte>(160);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            // Field order of xmtpd's XmtpdClaims: Version, then jwt.RegisteredClaims (iss, sub, aud, exp, nbf, iat, jti).
            writer.WriteStartObject();
            if (version is not null)
            {
                writer.WriteString("version", version);
            }

            writer.WriteString("sub", subject);
            writer.WriteStartArray("aud");
            foreach (var entry in audience)
            {
                writer.WriteStringValue(entry);
            }

            writer.WriteEndArray();
            writer.WriteNumber("exp", expiresAtUnixSeconds);
            writer.WriteNumber("iat", issuedAtUnixSeconds);
            writer.WriteEndObject();
        }

        var signingInput = EncodedHeader + "." + Base64Url.EncodeToString(buffer.WrittenSpan);
        var signature = backend.Sign(key.PrivateKey, Digests.Jwt(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    private static bool VerifyRs(ISecp256k1 backend, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature, byte[] publicKey)
    {
        Span<byte> candidate = stackalloc byte[SignatureLength];
        Span<byte> recovered = stackalloc byte[65];
        signature[..64].CopyTo(candidate);
        var first = (byte)(signature[64] & 1);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            candidate[64] = (byte)(first ^ attempt);
            if (backend.TryRecover(digest, candidate, recovered) && recovered.SequenceEqual(publicKey))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryDecodeJson(string segment, out JsonDocument document)
    {
        document = null!;
        try
        {
            var bytes = Base64Url.DecodeFromChars(segment);
            document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return true;
            }

            document.Dispose();
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryReadClaims(JsonElement root, out Claims claims, out string problem)
    {
        claims = new Claims("", [], null, null, null, null);
        problem = "";
        var subject = "";
        if (root.TryGetProperty("sub", out var sub))
        {
            if (sub.ValueKind != JsonValueKind.String)
            {
                problem = "sub is not a string";
                return false;
            }

            subject = sub.GetString()!;
        }

        var audience = new List<string>();
        if (root.TryGetProperty("aud", out var aud))
        {
            // golang-jwt ClaimStrings: a single string or an array of strings.
            if (aud.ValueKind == JsonValueKind.String)
            {
                audience.Add(aud.GetString()!);
            }
            else if (aud.ValueKind == JsonValueKind.Array && aud.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
            {
                audience.AddRange(aud.EnumerateArray().Select(e => e.GetString()!));
            }
            else if (aud.ValueKind != JsonValueKind.Null)
            {
                problem = "aud is neither a string nor an array of strings";
                return false;
            }
        }

        if (!TryReadTime(root, "iat", out var iat) || !TryReadTime(root, "exp", out var exp) || !TryReadTime(root, "nbf", out var nbf))
        {
            problem = "iat, exp or nbf is not a number";
            return false;
        }

        NodeVersion? version = null;
        if (root.TryGetProperty("version", out var versionElement) && versionElement.ValueKind != JsonValueKind.Null)
        {
            if (versionElement.ValueKind != JsonValueKind.String || !NodeVersion.TryParse(versionElement.GetString(), out var parsedVersion))
            {
                problem = "version is not a semantic version";
                return false;
            }

            version = parsedVersion;
        }

        claims = new Claims(subject, audience, iat, exp, nbf, version);
        return true;
    }

    private static bool TryReadTime(JsonElement root, string name, out double? seconds)
    {
        seconds = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Number)
        {
            return false;
        }

        seconds = element.GetDouble();
        return true;
    }

    // xmtpd parseInt32: strconv.ParseInt(s, 10, 32), then a cast to uint32.
    private static bool TryParseNodeId(string text, out uint nodeId)
    {
        var ok = int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value);
        nodeId = unchecked((uint)value);
        return ok;
    }

    private sealed record Claims(string Subject, IReadOnlyList<string> Audience, double? IssuedAt, double? ExpiresAt, double? NotBefore, NodeVersion? Version);
}
