using System.Buffers.Binary;
using XmtpSim.Protocol.Crypto;

namespace XmtpSim.Protocol.PayerReports;

/// <summary>
/// The few pieces of Solidity ABI encoding (<c>abi.encode</c>) the payer-report digests and leaves need.
/// Every static value takes one 32-byte word: unsigned integers and addresses right-aligned
/// (left-padded with zeros), <c>bytes32</c> as is.
/// </summary>
public static class Abi
{
    /// <summary>Size of one ABI word in bytes.</summary>
    public const int WordSize = 32;

    /// <summary>Writes a uint8…uint64 as a 32-byte big-endian word.</summary>
    public static void WriteUInt(Span<byte> word, ulong value)
    {
        word[..WordSize].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(word[(WordSize - 8)..WordSize], value);
    }

    /// <summary>Writes a uint96/uint128 as a 32-byte big-endian word.</summary>
    public static void WriteUInt(Span<byte> word, UInt128 value)
    {
        word[..WordSize].Clear();
        BinaryPrimitives.WriteUInt128BigEndian(word[(WordSize - 16)..WordSize], value);
    }

    /// <summary>Writes a 20-byte address right-aligned in a word.</summary>
    public static void WriteAddress(Span<byte> word, EthAddress address)
    {
        word[..12].Clear();
        address.WriteTo(word[12..WordSize]);
    }

    /// <summary>Writes a <c>bytes32</c> value.</summary>
    public static void WriteBytes32(Span<byte> word, ReadOnlySpan<byte> value)
    {
        if (value.Length != WordSize)
        {
            throw new ArgumentException("a bytes32 value has 32 bytes", nameof(value));
        }

        value.CopyTo(word);
    }

    /// <summary>
    /// <c>abi.encode(uint32[] values)</c> with the array as the only argument: the head word is the
    /// offset of the tail (0x20), then the length word, then one word per element, in the given order.
    /// (Not <c>abi.encodePacked</c>, and not EIP-712's array rule, which would hash only the element words.)
    /// </summary>
    public static byte[] EncodeUInt32Array(ReadOnlySpan<uint> values)
    {
        var encoded = new byte[WordSize * (2 + values.Length)];
        WriteUInt(encoded, (ulong)WordSize);
        WriteUInt(encoded.AsSpan(WordSize), (ulong)values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            WriteUInt(encoded.AsSpan(WordSize * (2 + i)), values[i]);
        }

        return encoded;
    }
}
