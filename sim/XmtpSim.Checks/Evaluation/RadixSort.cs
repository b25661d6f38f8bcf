namespace XmtpSim.Checks.Evaluation;

/// <summary>
/// Sorts 64-bit integers ascending by least-significant-digit radix sort, 11 bits a pass, skipping the digits in which
/// all values agree. A day's 71 million publish-to-apply latencies or applied keys sort in a handful of linear
/// passes instead of the ~26 levels of a comparison sort; the result is the same ascending order.
/// </summary>
public static class RadixSort
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const int Digits = (64 + DigitBits - 1) / DigitBits;
    private const ulong SignBit = 1UL << 63;

    /// <summary>Sorts <paramref name="values"/> ascending; <paramref name="scratch"/> is as long or longer, and its content is lost.</summary>
    public static void Sort(Span<long> values, Span<long> scratch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scratch.Length, values.Length, nameof(scratch));
        scratch = scratch[..values.Length];
        if (values.Length < 2)
        {
            return;
        }

        // One pass counts every digit; the sign bit is flipped so that negative values order first.
        var counts = new int[Digits * Buckets];
        foreach (var value in values)
        {
            var key = (ulong)value ^ SignBit;
            for (var d = 0; d < Digits; d++)
            {
                counts[(d * Buckets) + (int)((key >> (d * DigitBits)) & (Buckets - 1))]++;
            }
        }

        var source = values;
        var target = scratch;
        for (var d = 0; d < Digits; d++)
        {
            var digit = counts.AsSpan(d * Buckets, Buckets);
            if (digit.Contains(values.Length))
            {
                continue; // every value has the same digit here: this pass would not move anything
            }

            var start = 0;
            for (var b = 0; b < Buckets; b++)
            {
                var count = digit[b];
                digit[b] = start;
                start += count;
            }

            var shift = d * DigitBits;
            foreach (var value in source)
            {
                var bucket = (int)((((ulong)value ^ SignBit) >> shift) & (Buckets - 1));
                target[digit[bucket]++] = value;
            }

            var swap = source;
            source = target;
            target = swap;
        }

        if (source != values)
        {
            source.CopyTo(values);
        }
    }
}
