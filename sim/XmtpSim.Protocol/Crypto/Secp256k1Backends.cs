namespace XmtpSim.Protocol.Crypto;

/// <summary>
/// The secp256k1 backends available in this process. All give byte-identical signatures, public keys
/// and recoveries; they differ only in speed.
/// </summary>
public static class Secp256k1Backends
{
    /// <summary>Always available managed backend.</summary>
    public static ISecp256k1 BouncyCastle => BouncyCastleSecp256k1.Instance;

    /// <summary>The libsecp256k1 backend, or null when the native library cannot be loaded (see <see cref="LibSecp256k1.LoadError"/>).</summary>
    public static ISecp256k1? Native => LibSecp256k1.Instance;

    /// <summary>The fastest available backend: native when present, else BouncyCastle.</summary>
    public static ISecp256k1 Default => Native ?? BouncyCastle;

    /// <summary>
    /// A backend by its <see cref="ISecp256k1.Name"/> ("bouncycastle", "libsecp256k1") or "default",
    /// case-insensitive. Throws when the name is unknown or the native library is not available.
    /// </summary>
    public static ISecp256k1 ByName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToLowerInvariant() switch
        {
            "bouncycastle" => BouncyCastle,
            "libsecp256k1" or "native" => Native ?? throw new InvalidOperationException(
                "secp256k1 backend 'libsecp256k1' is not available: " + LibSecp256k1.LoadError),
            "default" => Default,
            _ => throw new ArgumentException(
                $"unknown secp256k1 backend '{name}' (expected 'bouncycastle', 'libsecp256k1' or 'default')", nameof(name)),
        };
    }
}
