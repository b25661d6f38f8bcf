using System.Runtime.InteropServices;

namespace XmtpSim.Protocol.Crypto;

/// <summary>
/// Remembers the outcome of public-key recoveries, keyed by the exact digest and signature bytes, in the
/// spirit of Bitcoin Core's signature cache. Recovery is a pure function of those bytes, so a hit returns
/// exactly what the curve arithmetic would: a valid signature still recovers its signer, and a tampered
/// digest or signature is a different key that is recovered (and refused) for real. In a simulation every
/// replica verifies the same envelope; only the first does the arithmetic, and none does for a signature
/// made in the same process: its signer <see cref="Remember"/>s what it recovers to (ECDSA recovery of a
/// recoverable signature yields its signer's key, which the backends' tests check).
/// </summary>
/// <remarks>
/// Bounded: entries live in two generations of <c>capacity / 2</c> each. When the current generation is
/// full it becomes the previous one and the oldest is dropped, so memory stays under
/// <c>capacity</c> entries (about 200 bytes each) however long the run. Safe to share across threads.
/// </remarks>
public sealed class RecoveryCache
{
    private const int KeyLength = 32 + 65;

    private readonly int _generationSize;
    private readonly Lock _gate = new();
    private Dictionary<byte[], Outcome> _current;
    private Dictionary<byte[], Outcome> _previous;

    /// <summary>A cache of at most <paramref name="capacity"/> outcomes (at least 2).</summary>
    public RecoveryCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _generationSize = capacity / 2;
        _current = new Dictionary<byte[], Outcome>(KeyComparer.Instance);
        _previous = new Dictionary<byte[], Outcome>(KeyComparer.Instance);
    }

    /// <summary>Lookups answered from the cache.</summary>
    public long Hits { get; private set; }

    /// <summary>Lookups that had to recover.</summary>
    public long Misses { get; private set; }

    /// <summary>
    /// The recovered address of <paramref name="signature"/> over <paramref name="digest"/>: from the cache, or
    /// from <paramref name="recover"/>, whose answer is then remembered. Digests other than 32 bytes or
    /// signatures other than 65 bytes are not cached.
    /// </summary>
    public bool TryRecover(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature, Recover recover, out EthAddress address)
    {
        Span<byte> key = stackalloc byte[KeyLength];
        if (!TryKey(digest, signature, key))
        {
            return recover(digest, signature, out address);
        }

        lock (_gate)
        {
            var current = _current.GetAlternateLookup<ReadOnlySpan<byte>>();
            var previous = _previous.GetAlternateLookup<ReadOnlySpan<byte>>();
            if (current.TryGetValue(key, out var known) || previous.TryGetValue(key, out known))
            {
                Hits++;
                address = known.Address;
                return known.Valid;
            }

            Misses++;
        }

        // Recover outside the lock: two threads may both recover the same key, and both get the same answer.
        var valid = recover(digest, signature, out address);
        lock (_gate)
        {
            Store(key, new Outcome(valid, address));
        }

        return valid;
    }

    // Under _gate.
    private void Store(ReadOnlySpan<byte> key, Outcome outcome)
    {
        if (_current.Count >= _generationSize)
        {
            (_previous, _current) = (_current, _previous);
            _current.Clear();
        }

        _current.TryAdd(key.ToArray(), outcome);
    }

    /// <summary>
    /// Records that <paramref name="signature"/> over <paramref name="digest"/> recovers <paramref name="signer"/>:
    /// what a signer knows of a signature it has just made, so the first verifier of those exact bytes needs no
    /// arithmetic. Counted neither as a hit nor as a miss.
    /// </summary>
    public void Remember(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature, EthAddress signer)
    {
        Span<byte> key = stackalloc byte[KeyLength];
        if (!TryKey(digest, signature, key))
        {
            return;
        }

        lock (_gate)
        {
            Store(key, new Outcome(true, signer));
        }
    }

    // The cache key, digest ‖ signature, for the only sizes the cache holds: a 32-byte digest and a 65-byte signature.
    private static bool TryKey(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature, Span<byte> key)
    {
        if (digest.Length != 32 || signature.Length != 65)
        {
            return false;
        }

        digest.CopyTo(key);
        signature.CopyTo(key[32..]);
        return true;
    }

    /// <summary>The recovery the cache stands in front of.</summary>
    public delegate bool Recover(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature, out EthAddress address);

    private readonly record struct Outcome(bool Valid, EthAddress Address);

    private sealed class KeyComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => GetHashCode((ReadOnlySpan<byte>)obj);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        // The digest is a hash already: its first bytes spread keys evenly.
        public int GetHashCode(ReadOnlySpan<byte> alternate) =>
            MemoryMarshal.Read<int>(alternate) ^ MemoryMarshal.Read<int>(alternate[32..]);

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
