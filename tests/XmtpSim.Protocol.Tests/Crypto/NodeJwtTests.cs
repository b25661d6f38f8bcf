using System.Buffers.Text;
using System.Text;
using XmtpSim.Protocol.Crypto;

namespace XmtpSim.Protocol.Tests.Crypto;

public sealed class NodeJwtTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly NodeVersion Version = NodeVersion.Parse("1.4.2");
    private static readonly SigningKey Caller = SigningKey.Derive("node-100", 1);
    private static readonly SigningKey Other = SigningKey.Derive("node-300", 1);
    private static readonly BouncyCastleSecp256k1 Backend = BouncyCastleSecp256k1.Instance;

    private static byte[]? Registry(uint nodeId) => nodeId switch
    {
        100 => Caller.PublicKey.ToArray(),
        300 => Other.PublicKey.ToArray(),
        _ => null,
    };

    private static NodeJwtVerification VerifyAt200(string token, DateTimeOffset now, NodeVersion? self = null) =>
        NodeJwt.Verify(token, 200, self ?? Version, Registry, Backend, now);

    [Fact]
    public void Token_round_trips_and_authenticates_the_caller()
    {
        var token = NodeJwt.Create(Caller, Backend, 100, 200, Version, Epoch);
        var result = VerifyAt200(token, Epoch.AddMinutes(30));
        Assert.True(result.IsValid, result.Detail);
        Assert.Equal(100u, result.CallerNodeId);
    }

    [Fact]
    public void Token_has_the_xmtpd_shape_and_a_65_byte_signature()
    {
        var token = NodeJwt.Create(Caller, Backend, 100, 200, Version, Epoch.AddMilliseconds(900));
        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.DoesNotContain('=', token);
        Assert.Equal("""{"alg":"ES256K","typ":"JWT"}""", Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[0])));
        var iat = Epoch.ToUnixTimeSeconds();
        Assert.Equal($$"""{"version":"1.4.2","sub":"100","aud":["200"],"exp":{{iat + 3600}},"iat":{{iat}}}""",
            Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])));
        var signature = Base64Url.DecodeFromChars(parts[2]);
        Assert.Equal(65, signature.Length);
        Assert.True(signature[64] <= 1);

        // The signature is go-ethereum crypto.Sign over keccak256("jwt|" + header.payload): it recovers to the caller.
        var recovered = new byte[65];
        Assert.True(Backend.TryRecover(Digests.Jwt(parts[0] + "." + parts[1]), signature, recovered));
        Assert.Equal(Caller.PublicKey.ToArray(), recovered);
    }

    [Fact]
    public void Token_for_another_node_is_refused()
    {
        var token = NodeJwt.Create(Caller, Backend, 100, 300, Version, Epoch);
        Assert.Equal(NodeJwtError.WrongAudience, VerifyAt200(token, Epoch).Error);
    }

    [Fact]
    public void Expired_token_is_refused_from_the_expiry_second_on()
    {
        var token = NodeJwt.Create(Caller, Backend, 100, 200, Version, Epoch);
        Assert.True(VerifyAt200(token, Epoch.AddHours(1).AddSeconds(-1)).IsValid);
        Assert.Equal(NodeJwtError.Expired, VerifyAt200(token, Epoch.AddHours(1)).Error);
        Assert.Equal(NodeJwtError.Expired, VerifyAt200(token, Epoch.AddHours(5)).Error);
    }

    [Fact]
    public void Token_living_longer_than_two_hours_is_refused()
    {
        var iat = Epoch.ToUnixTimeSeconds();
        var ok = NodeJwt.CreateWithClaims(Caller, Backend, "1.4.2", "100", ["200"], iat, iat + 7200);
        Assert.True(VerifyAt200(ok, Epoch).IsValid);
        var tooLong = NodeJwt.CreateWithClaims(Caller, Backend, "1.4.2", "100", ["200"], iat, iat + 7201);
        Assert.Equal(NodeJwtError.LifetimeTooLong, VerifyAt200(tooLong, Epoch).Error);
        var backwards = NodeJwt.CreateWithClaims(Caller, Backend, "1.4.2", "100", ["200"], iat, iat - 1);
        Assert.Equal(NodeJwtError.ExpiresBeforeIssued, VerifyAt200(backwards, Epoch.AddSeconds(-10)).Error);
    }

    [Fact]
    public void Clock_skew_of_two_minutes_is_tolerated_for_issue_time()
    {
        var token = NodeJwt.Create(Caller, Backend, 100, 200, Version, Epoch);
        Assert.True(VerifyAt200(token, Epoch.AddMinutes(-2)).IsValid);
        Assert.Equal(NodeJwtError.IssuedInFuture, VerifyAt200(token, Epoch.AddMinutes(-2).AddSeconds(-1)).Error);
    }

    [Fact]
    public void Tampered_payload_fails_the_signature()
    {
        var token = NodeJwt.Create(Caller, Backend, 100, 200, Version, Epoch);
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace("\"aud\":[\"200\"]", "\"aud\":[\"200\",\"201\"]", StringComparison.Ordinal);
        var tampered = parts[0] + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload)) + "." + parts[2];
        Assert.Equal(NodeJwtError.BadSignature, VerifyAt200(tampered, Epoch).Error);
    }

    [Fact]
    public void Token_signed_by_another_key_fails_the_signature()
    {
        // Node 300's key claims to be node 100: the registry key of node 100 does not match.
        var forged = NodeJwt.Create(Other, Backend, 100, 200, Version, Epoch);
        Assert.Equal(NodeJwtError.BadSignature, VerifyAt200(forged, Epoch).Error);
        var unknown = NodeJwt.Create(Other, Backend, 999, 200, Version, Epoch);
        Assert.Equal(NodeJwtError.UnknownNode, VerifyAt200(unknown, Epoch).Error);
    }

    [Fact]
    public void Signature_that_is_not_65_bytes_is_refused()
    {
        var parts = NodeJwt.Create(Caller, Backend, 100, 200, Version, Epoch).Split('.');
        var rs = Base64Url.DecodeFromChars(parts[2])[..64];
        Assert.Equal(NodeJwtError.BadSignature, VerifyAt200(parts[0] + "." + parts[1] + "." + Base64Url.EncodeToString(rs), Epoch).Error);
    }

    [Fact]
    public void Recovery_byte_is_ignored_and_high_s_is_accepted_like_ecdsa_verify()
    {
        var parts = NodeJwt.Create(Caller, Backend, 100, 200, Version, Epoch).Split('.');
        var signature = Base64Url.DecodeFromChars(parts[2]);
        signature[64] ^= 1;
        Assert.True(VerifyAt200(parts[0] + "." + parts[1] + "." + Base64Url.EncodeToString(signature), Epoch).IsValid);
        signature[64] = 27;
        Assert.True(VerifyAt200(parts[0] + "." + parts[1] + "." + Base64Url.EncodeToString(signature), Epoch).IsValid);
    }

    [Theory]
    [InlineData("1.0.9", "1.4.2", false)] // older than MinCompatibleVersion 1.1.0
    [InlineData("1.1.0", "1.4.2", true)]
    [InlineData("1.9.0", "1.4.2", true)] // newer minor is fine
    [InlineData("1.1.0-dev", "1.4.2", true)] // pre-release is stripped before the check
    [InlineData("2.0.0", "1.4.2", false)] // next major
    [InlineData("1.5.0", "2.3.0", false)] // server on major 2 accepts [2.0.0, 3.0.0)
    [InlineData("2.0.0", "2.3.0", true)]
    public void Version_must_be_compatible(string peer, string self, bool accepted)
    {
        var token = NodeJwt.Create(Caller, Backend, 100, 200, NodeVersion.Parse(peer), Epoch);
        var result = VerifyAt200(token, Epoch, NodeVersion.Parse(self));
        Assert.Equal(accepted ? NodeJwtError.None : NodeJwtError.IncompatibleVersion, result.Error);
    }

    [Fact]
    public void Missing_version_claim_is_accepted_as_xmtpd_does()
    {
        var token = NodeJwt.Create(Caller, Backend, 100, 200, null, Epoch);
        Assert.True(VerifyAt200(token, Epoch).IsValid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a.b")]
    [InlineData("!!!.e30.AA")]
    public void Garbage_is_malformed(string token)
    {
        Assert.Equal(NodeJwtError.Malformed, VerifyAt200(token, Epoch).Error);
    }

    [Fact]
    public void Other_algorithms_are_refused()
    {
        var parts = NodeJwt.Create(Caller, Backend, 100, 200, Version, Epoch).Split('.');
        var header = Base64Url.EncodeToString("""{"alg":"ES256","typ":"JWT"}"""u8);
        Assert.Equal(NodeJwtError.UnsupportedAlgorithm, VerifyAt200(header + "." + parts[1] + "." + parts[2], Epoch).Error);
    }

    [Fact]
    public void Not_before_in_the_future_is_refused()
    {
        var iat = Epoch.ToUnixTimeSeconds();
        var header = Base64Url.EncodeToString("""{"alg":"ES256K","typ":"JWT"}"""u8);
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $$"""{"sub":"100","aud":["200"],"exp":{{iat + 3600}},"nbf":{{iat + 60}},"iat":{{iat}}}"""));
        var signature = Backend.Sign(Caller.PrivateKey, Digests.Jwt(header + "." + payload));
        var token = header + "." + payload + "." + Base64Url.EncodeToString(signature);
        Assert.Equal(NodeJwtError.NotYetValid, VerifyAt200(token, Epoch).Error);
        Assert.True(VerifyAt200(token, Epoch.AddSeconds(60)).IsValid);
    }
}
