using System.Buffers.Binary;
using System.Text;

namespace XmtpSim.Protocol.Crypto;

/// <summary>A secp256k1 key pair with its Ethereum address. Immutable.</summary>
public sealed class SigningKey
{
    private readonly byte[] _privateKey;
    private readonly byte[] _publicKey;

    private SigningKey(byte[] privateKey, byte[] publicKey)
    {
        _privateKey = privateKey;
        _publicKey = publicKey;
        Address = EthAddress.FromPublicKey(publicKey);
    }

    /// <summary>The 32-byte private scalar.</summary>
    public ReadOnlySpan<byte> PrivateKey => _privateKey;

    /// <summary>The 65-byte uncompressed public key (0x04 ‖ X ‖ Y), as NodeRegistry stores it.</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>The signer address recovered signatures are compared against.</summary>
    public EthAddress Address { get; }

    /// <summary>Wraps a 32-byte private key; the public key is derived with <paramref name="backend"/>.</summary>
    public static SigningKey FromPrivateKey(ReadOnlySpan<byte> privateKey, ISecp256k1? backend = null)
    {
        var publicKey = (backend ?? BouncyCastleSecp256k1.Instance).GetPublicKey(privateKey);
        return new SigningKey(privateKey.ToArray(), publicKey);
    }

    /// <summary>Parses a hex private key (with or without 0x).</summary>
    public static SigningKey FromHex(string hex) =>
        FromPrivateKey(Convert.FromHexString(hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex));

    /// <summary>
    /// A deterministic key for a simulated party: Keccak-256 of ("xmtpsim-key|" ‖ label ‖ seed), re-hashed
    /// in the negligible case it falls outside [1, n). The same (label, seed) always gives the same key.
    /// </summary>
    public static SigningKey Derive(string label, ulong seed)
    {
        var labelBytes = Encoding.UTF8.GetBytes("xmtpsim-key|" + label);
        var input = new byte[labelBytes.Length + 8];
        labelBytes.CopyTo(input, 0);
        BinaryPrimitives.WriteUInt64BigEndian(input.AsSpan(labelBytes.Length), seed);
        var candidate = Keccak256.Hash(input);
        while (true)
        {
            try
            {
                return FromPrivateKey(candidate);
            }
            catch (ArgumentException)
            {
                candidate = Keccak256.Hash(candidate);
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"SigningKey({Address})";
}
