using System.Text;

namespace XmtpSim.Engine;

/// <summary>
/// A seeded xoshiro256** generator behind <see cref="Random"/>'s API, so library code that takes a
/// <see cref="Random"/> (MathNet distributions) draws from the actor's own stream. The sequence depends only
/// on the seed, never on the process, platform or .NET version.
/// </summary>
public sealed class SimRandom : Random
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>A stream seeded from one 64-bit value (expanded with SplitMix64).</summary>
    public SimRandom(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>The stream of actor <paramref name="actorName"/> in a run with <paramref name="seed"/>.</summary>
    public static SimRandom ForActor(ulong seed, string actorName) => new(Mix(seed, StableHash(actorName)));

    /// <summary>FNV-1a 64 of the UTF-8 name: stable across processes (unlike string.GetHashCode).</summary>
    public static ulong StableHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>Next raw 64 bits.</summary>
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <inheritdoc />
    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <inheritdoc />
    protected override double Sample() => NextDouble();

    /// <inheritdoc />
    public override int Next() => (int)(NextUInt64() >> 33);

    /// <inheritdoc />
    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)NextBounded((ulong)maxValue);
    }

    /// <inheritdoc />
    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return (int)(minValue + (long)NextBounded((ulong)((long)maxValue - minValue)));
    }

    /// <inheritdoc />
    public override long NextInt64() => (long)(NextUInt64() >> 1);

    /// <inheritdoc />
    public override long NextInt64(long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (long)NextBounded((ulong)maxValue);
    }

    /// <inheritdoc />
    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return minValue + (long)NextBounded((ulong)(maxValue - minValue));
    }

    /// <inheritdoc />
    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    /// <inheritdoc />
    public override void NextBytes(Span<byte> buffer)
    {
        var i = 0;
        while (i < buffer.Length)
        {
            var value = NextUInt64();
            for (var j = 0; j < 8 && i < buffer.Length; j++, i++)
            {
                buffer[i] = (byte)(value >> (8 * j));
            }
        }
    }

    /// <inheritdoc />
    public override float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1U << 24));

    private static ulong Mix(ulong a, ulong b)
    {
        var x = a ^ (b + 0x9E3779B97F4A7C15UL + (a << 6) + (a >> 2));
        return SplitMix(ref x);
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private ulong NextBounded(ulong bound)
    {
        if (bound == 0)
        {
            return 0;
        }

        // Lemire's nearly-divisionless method: unbiased. The 128-bit product as two halves (Math.BigMul), not
        // UInt128, whose layout keeps a method out of the ReadyToRun image.
        var high = Math.BigMul(NextUInt64(), bound, out var low);
        if (low < bound)
        {
            var threshold = (0 - bound) % bound;
            while (low < threshold)
            {
                high = Math.BigMul(NextUInt64(), bound, out low);
            }
        }

        return high;
    }
}
