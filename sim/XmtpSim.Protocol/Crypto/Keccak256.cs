using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace XmtpSim.Protocol.Crypto;

/// <summary>
/// Ethereum's Keccak-256 (the original Keccak submission padding 0x01, not NIST SHA3-256's 0x06).
/// Incremental: <see cref="Append"/> any number of spans, then <see cref="Finish"/>.
/// </summary>
public struct Keccak256
{
    /// <summary>Digest size in bytes.</summary>
    public const int HashSize = 32;

    private const int Rate = 136; // (1600 - 2 * 256) / 8

    private static readonly ulong[] RoundConstants =
    [
        0x0000000000000001UL, 0x0000000000008082UL, 0x800000000000808aUL, 0x8000000080008000UL,
        0x000000000000808bUL, 0x0000000080000001UL, 0x8000000080008081UL, 0x8000000000008009UL,
        0x000000000000008aUL, 0x0000000000000088UL, 0x0000000080008009UL, 0x000000008000000aUL,
        0x000000008000808bUL, 0x800000000000008bUL, 0x8000000000008089UL, 0x8000000000008003UL,
        0x8000000000008002UL, 0x8000000000000080UL, 0x000000000000800aUL, 0x800000008000000aUL,
        0x8000000080008081UL, 0x8000000000008080UL, 0x0000000080000001UL, 0x8000000080008008UL,
    ];

    private KeccakState _state;
    private RateBuffer _buffer;
    private int _buffered;

    /// <summary>Hashes one span.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var output = new byte[HashSize];
        Hash(data, output);
        return output;
    }

    /// <summary>Hashes one span into <paramref name="output"/> (32 bytes).</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> output)
    {
        var hasher = default(Keccak256);
        hasher.Append(data);
        hasher.Finish(output);
    }

    /// <summary>Absorbs more input.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        Span<ulong> state = _state;
        Span<byte> buffer = _buffer;
        if (_buffered > 0)
        {
            var take = Math.Min(Rate - _buffered, data.Length);
            data[..take].CopyTo(buffer[_buffered..]);
            _buffered += take;
            data = data[take..];
            if (_buffered < Rate)
            {
                return;
            }

            AbsorbBlock(state, buffer);
            _buffered = 0;
        }

        while (data.Length >= Rate)
        {
            AbsorbBlock(state, data[..Rate]);
            data = data[Rate..];
        }

        data.CopyTo(buffer);
        _buffered = data.Length;
    }

    /// <summary>Pads, squeezes 32 bytes into <paramref name="output"/>. The hasher must not be reused.</summary>
    public void Finish(Span<byte> output)
    {
        if (output.Length < HashSize)
        {
            throw new ArgumentException("Keccak-256 output needs 32 bytes", nameof(output));
        }

        Span<ulong> state = _state;
        Span<byte> buffer = _buffer;
        buffer[_buffered..].Clear();
        buffer[_buffered] ^= 0x01;
        buffer[Rate - 1] ^= 0x80;
        AbsorbBlock(state, buffer);
        for (var i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(output[(i * 8)..], state[i]);
        }
    }

    /// <summary>Convenience: finishes into a new array.</summary>
    public byte[] Finish()
    {
        var output = new byte[HashSize];
        Finish(output);
        return output;
    }

    private static void AbsorbBlock(Span<ulong> state, ReadOnlySpan<byte> block)
    {
        for (var i = 0; i < Rate / 8; i++)
        {
            state[i] ^= BinaryPrimitives.ReadUInt64LittleEndian(block[(i * 8)..]);
        }

        Permute(state);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Permute(Span<ulong> s)
    {
        ulong a00 = s[0], a01 = s[1], a02 = s[2], a03 = s[3], a04 = s[4];
        ulong a05 = s[5], a06 = s[6], a07 = s[7], a08 = s[8], a09 = s[9];
        ulong a10 = s[10], a11 = s[11], a12 = s[12], a13 = s[13], a14 = s[14];
        ulong a15 = s[15], a16 = s[16], a17 = s[17], a18 = s[18], a19 = s[19];
        ulong a20 = s[20], a21 = s[21], a22 = s[22], a23 = s[23], a24 = s[24];

        for (var round = 0; round < 24; round++)
        {
            // theta
            var c0 = a00 ^ a05 ^ a10 ^ a15 ^ a20;
            var c1 = a01 ^ a06 ^ a11 ^ a16 ^ a21;
            var c2 = a02 ^ a07 ^ a12 ^ a17 ^ a22;
            var c3 = a03 ^ a08 ^ a13 ^ a18 ^ a23;
            var c4 = a04 ^ a09 ^ a14 ^ a19 ^ a24;
            var d0 = c4 ^ ulong.RotateLeft(c1, 1);
            var d1 = c0 ^ ulong.RotateLeft(c2, 1);
            var d2 = c1 ^ ulong.RotateLeft(c3, 1);
            var d3 = c2 ^ ulong.RotateLeft(c4, 1);
            var d4 = c3 ^ ulong.RotateLeft(c0, 1);

            // rho and pi: b[y, 2x+3y] = rot(a[x, y] ^ d[x], r[x, y])
            var b00 = a00 ^ d0;
            var b10 = ulong.RotateLeft(a01 ^ d1, 1);
            var b20 = ulong.RotateLeft(a02 ^ d2, 62);
            var b05 = ulong.RotateLeft(a03 ^ d3, 28);
            var b15 = ulong.RotateLeft(a04 ^ d4, 27);
            var b16 = ulong.RotateLeft(a05 ^ d0, 36);
            var b01 = ulong.RotateLeft(a06 ^ d1, 44);
            var b11 = ulong.RotateLeft(a07 ^ d2, 6);
            var b21 = ulong.RotateLeft(a08 ^ d3, 55);
            var b06 = ulong.RotateLeft(a09 ^ d4, 20);
            var b07 = ulong.RotateLeft(a10 ^ d0, 3);
            var b17 = ulong.RotateLeft(a11 ^ d1, 10);
            var b02 = ulong.RotateLeft(a12 ^ d2, 43);
            var b12 = ulong.RotateLeft(a13 ^ d3, 25);
            var b22 = ulong.RotateLeft(a14 ^ d4, 39);
            var b23 = ulong.RotateLeft(a15 ^ d0, 41);
            var b08 = ulong.RotateLeft(a16 ^ d1, 45);
            var b18 = ulong.RotateLeft(a17 ^ d2, 15);
            var b03 = ulong.RotateLeft(a18 ^ d3, 21);
            var b13 = ulong.RotateLeft(a19 ^ d4, 8);
            var b14 = ulong.RotateLeft(a20 ^ d0, 18);
            var b24 = ulong.RotateLeft(a21 ^ d1, 2);
            var b09 = ulong.RotateLeft(a22 ^ d2, 61);
            var b19 = ulong.RotateLeft(a23 ^ d3, 56);
            var b04 = ulong.RotateLeft(a24 ^ d4, 14);

            // chi
            a00 = b00 ^ (~b01 & b02); a01 = b01 ^ (~b02 & b03); a02 = b02 ^ (~b03 & b04); a03 = b03 ^ (~b04 & b00); a04 = b04 ^ (~b00 & b01);
            a05 = b05 ^ (~b06 & b07); a06 = b06 ^ (~b07 & b08); a07 = b07 ^ (~b08 & b09); a08 = b08 ^ (~b09 & b05); a09 = b09 ^ (~b05 & b06);
            a10 = b10 ^ (~b11 & b12); a11 = b11 ^ (~b12 & b13); a12 = b12 ^ (~b13 & b14); a13 = b13 ^ (~b14 & b10); a14 = b14 ^ (~b10 & b11);
            a15 = b15 ^ (~b16 & b17); a16 = b16 ^ (~b17 & b18); a17 = b17 ^ (~b18 & b19); a18 = b18 ^ (~b19 & b15); a19 = b19 ^ (~b15 & b16);
            a20 = b20 ^ (~b21 & b22); a21 = b21 ^ (~b22 & b23); a22 = b22 ^ (~b23 & b24); a23 = b23 ^ (~b24 & b20); a24 = b24 ^ (~b20 & b21);

            // iota
            a00 ^= RoundConstants[round];
        }

        s[0] = a00; s[1] = a01; s[2] = a02; s[3] = a03; s[4] = a04;
        s[5] = a05; s[6] = a06; s[7] = a07; s[8] = a08; s[9] = a09;
        s[10] = a10; s[11] = a11; s[12] = a12; s[13] = a13; s[14] = a14;
        s[15] = a15; s[16] = a16; s[17] = a17; s[18] = a18; s[19] = a19;
        s[20] = a20; s[21] = a21; s[22] = a22; s[23] = a23; s[24] = a24;
    }

    [InlineArray(25)]
    private struct KeccakState
    {
        private ulong _element;
    }

    [InlineArray(Rate)]
    private struct RateBuffer
    {
        private byte _element;
    }
}
