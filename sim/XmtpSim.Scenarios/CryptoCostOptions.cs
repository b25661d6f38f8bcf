namespace XmtpSim.Scenarios;

/// <summary>
/// Virtual CPU time charged per operation when <c>crypto: modeled</c> (scenario key
/// <c>crypto_cost</c>). The defaults are the measured cost of BouncyCastle secp256k1 on one core:
/// sign 29 µs, public-key recovery 47 µs. Ignored with <c>crypto: real</c>, where real work is done.
/// </summary>
/// <param name="Sign">Cost of one recoverable ECDSA signature (key <c>sign</c>, default 29us).</param>
/// <param name="Recover">Cost of one public-key recovery / verification (key <c>recover</c>, default 47us).</param>
public sealed record CryptoCostOptions(TimeSpan Sign, TimeSpan Recover)
{
    /// <summary>The defaults: sign 29 µs, recover 47 µs.</summary>
    public static CryptoCostOptions Default { get; } = new(TimeSpan.FromMicroseconds(29), TimeSpan.FromMicroseconds(47));
}
