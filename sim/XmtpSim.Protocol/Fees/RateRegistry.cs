namespace XmtpSim.Protocol.Fees;

/// <summary>
/// The RateRegistry's ever-growing array of <see cref="Rates"/> and the lookup by time of spec §9.2:
/// an entry applies for <c>startTime ≤ t &lt; next.startTime</c>; the newest applies to everything after
/// its start; a time before the oldest entry cannot be priced.
/// </summary>
public sealed class RateRegistry
{
    private readonly List<Rates> _entries = [];

    /// <summary>An empty registry.</summary>
    public RateRegistry()
    {
    }

    /// <summary>A registry holding <paramref name="entries"/> in order (each appended with the contract's rules).</summary>
    public RateRegistry(IEnumerable<Rates> entries)
    {
        foreach (var entry in entries)
        {
            Append(entry);
        }
    }

    /// <summary>All entries, oldest first.</summary>
    public IReadOnlyList<Rates> Entries => _entries;

    /// <summary>
    /// Appends an entry as <c>updateRates()</c> does: reverts <c>NoChange</c> if the four rates equal the last
    /// entry's, and <c>InvalidStartTime</c> unless the start time is strictly greater than the last one.
    /// </summary>
    public void Append(Rates rates)
    {
        if (_entries.Count > 0)
        {
            var last = _entries[^1];
            if (last.SameRatesAs(rates))
            {
                throw new RateRegistryException("NoChange: the rates equal the last entry");
            }

            if (rates.StartTime <= last.StartTime)
            {
                throw new RateRegistryException($"InvalidStartTime: {rates.StartTime} is not after {last.StartTime}");
            }
        }

        _entries.Add(rates);
    }

    /// <summary>The entry in force at Unix second <paramref name="unixSeconds"/>.</summary>
    public Rates At(ulong unixSeconds)
    {
        if (_entries.Count == 0 || unixSeconds < _entries[0].StartTime)
        {
            throw new RateRegistryException($"no rates in force at {unixSeconds}");
        }

        var low = 0;
        var high = _entries.Count - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (_entries[mid].StartTime <= unixSeconds)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return _entries[low];
    }
}
