namespace XmtpSim.Protocol.Storage;

/// <summary>
/// A direct-mapped table of recently seen objects, by hash, for sharing equal immutable values (one array per topic,
/// one map per depends_on entry). A slot holds the last object that landed on it; the caller checks that it is equal
/// before using it, so a collision or a race between threads only loses a chance to share, never changes a value.
/// <para>
/// The table starts small and doubles, up to <c>2^maxBits</c> slots, each time it has been replaced into twice as
/// many times as it has slots: a short run keeps a few kilobytes, where a fixed table sized for a day of 100,000
/// clients took megabytes from its first message (each one a large-object allocation, which a short run's
/// collector answers with full collections). Doubling starts empty: what was shared stays shared.
/// </para>
/// </summary>
internal sealed class RecentSlots<T>
    where T : class
{
    private const int InitialBits = 10;

    private readonly int _maxBits;
    private Table _table = new(InitialBits);

    /// <param name="maxBits">The largest table: 2^maxBits slots.</param>
    public RecentSlots(int maxBits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBits, InitialBits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxBits, 30);
        _maxBits = maxBits;
    }

    /// <summary>Slots in the current table.</summary>
    public int Capacity => Volatile.Read(ref _table).Slots.Length;

    /// <summary>What the slot of <paramref name="hash"/> (its top bits pick the slot) holds now; null if nothing.</summary>
    public T? Get(ulong hash)
    {
        var table = Volatile.Read(ref _table);
        return Volatile.Read(ref table.Slots[(int)(hash >> table.Shift)]);
    }

    /// <summary>Puts <paramref name="value"/> in the slot of <paramref name="hash"/>, in place of what was there.</summary>
    public void Set(ulong hash, T value)
    {
        var table = Volatile.Read(ref _table);
        Volatile.Write(ref table.Slots[(int)(hash >> table.Shift)], value);
        if (++table.Replaced > 2 * table.Slots.Length && table.Bits < _maxBits)
        {
            // Lost increments (threads racing) only delay this; two racing replacements both make a larger table.
            Volatile.Write(ref _table, new Table(table.Bits + 1));
        }
    }

    private sealed class Table(int bits)
    {
        public readonly T?[] Slots = new T?[1 << bits];
        public readonly int Bits = bits;
        public readonly int Shift = 64 - bits;
        public int Replaced;
    }
}
