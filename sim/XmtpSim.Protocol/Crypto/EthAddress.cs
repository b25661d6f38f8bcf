using System.Globalization;

namespace XmtpSim.Protocol.Crypto;

/// <summary>A 20-byte Ethereum address: the last 20 bytes of Keccak-256 of the public key's X ‖ Y.</summary>
/// <remarks>
/// Held as three big-endian words of primitive types. A UInt128 field would do, but a struct laid out over a
/// framework struct keeps every method that touches it out of the ReadyToRun images, so the node's and the
/// gateway's whole publish path would start each run in the JIT.
/// </remarks>
public readonly record struct EthAddress : IComparable<EthAddress>
{
    /// <summary>Address size in bytes.</summary>
    public const int Size = 20;

    private readonly ulong _high;   // bytes 0..7
    private readonly ulong _middle; // bytes 8..15
    private readonly uint _low;     // bytes 16..19

    private EthAddress(ulong high, ulong middle, uint low)
    {
        _high = high;
        _middle = middle;
        _low = low;
    }

    /// <summary>Reads 20 bytes.</summary>
    public static EthAddress FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"an address has 20 bytes, got {bytes.Length}", nameof(bytes));
        }

        return new EthAddress(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[..8]),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..16]),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]));
    }

    /// <summary>Derives the address of a 65-byte uncompressed public key (0x04 ‖ X ‖ Y).</summary>
    public static EthAddress FromPublicKey(ReadOnlySpan<byte> uncompressedPublicKey)
    {
        if (uncompressedPublicKey.Length != 65 || uncompressedPublicKey[0] != 0x04)
        {
            throw new ArgumentException("expected a 65-byte uncompressed public key", nameof(uncompressedPublicKey));
        }

        Span<byte> hash = stackalloc byte[Keccak256.HashSize];
        Keccak256.Hash(uncompressedPublicKey[1..], hash);
        return FromBytes(hash[12..]);
    }

    /// <summary>Parses "0x" followed by 40 hex digits (case-insensitive).</summary>
    public static EthAddress Parse(string text)
    {
        var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        if (hex.Length != 40)
        {
            throw new FormatException($"'{text}' is not a 20-byte hex address");
        }

        return FromBytes(Convert.FromHexString(hex));
    }

    /// <summary>The 20 address bytes.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Size];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>Writes the 20 address bytes.</summary>
    public void WriteTo(Span<byte> destination)
    {
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(destination[..8], _high);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(destination[8..16], _middle);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(destination[16..20], _low);
    }

    /// <summary>Lower-case hex with 0x prefix, as xmtpd stores payer addresses.</summary>
    public override string ToString() => "0x" + Convert.ToHexStringLower(ToBytes());

    /// <summary>EIP-55 mixed-case checksum form.</summary>
    public string ToChecksumString()
    {
        var lower = Convert.ToHexStringLower(ToBytes());
        var hash = Keccak256.Hash(System.Text.Encoding.ASCII.GetBytes(lower));
        var chars = new char[40];
        for (var i = 0; i < 40; i++)
        {
            var nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
            chars[i] = nibble >= 8 ? char.ToUpper(lower[i], CultureInfo.InvariantCulture) : lower[i];
        }

        return "0x" + new string(chars);
    }

    /// <summary>Orders as the 20 bytes compare (big-endian), as the payer-report Merkle tree sorts leaves.</summary>
    public int CompareTo(EthAddress other)
    {
        var high = _high.CompareTo(other._high);
        if (high != 0)
        {
            return high;
        }

        var middle = _middle.CompareTo(other._middle);
        return middle != 0 ? middle : _low.CompareTo(other._low);
    }

    /// <summary>Equal when all 20 bytes are.</summary>
    public bool Equals(EthAddress other) => _high == other._high && _middle == other._middle && _low == other._low;

    /// <summary>From the address's own bits, which are a hash's already: the same in every process.</summary>
    public override int GetHashCode() => (int)_high ^ (int)(_middle >> 32) ^ (int)_low;

    /// <summary>Byte-wise order.</summary>
    public static bool operator <(EthAddress left, EthAddress right) => left.CompareTo(right) < 0;

    /// <summary>Byte-wise order.</summary>
    public static bool operator >(EthAddress left, EthAddress right) => left.CompareTo(right) > 0;

    /// <summary>Byte-wise order.</summary>
    public static bool operator <=(EthAddress left, EthAddress right) => left.CompareTo(right) <= 0;

    /// <summary>Byte-wise order.</summary>
    public static bool operator >=(EthAddress left, EthAddress right) => left.CompareTo(right) >= 0;
}
