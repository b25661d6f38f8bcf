using XmtpSim.Protocol.Storage;

namespace XmtpSim.Protocol.Tests.Storage;

/// <summary>The sharing table starts small, holds what was put in it, and grows only while it keeps being replaced into.</summary>
public sealed class RecentSlotsTests
{
    [Fact]
    public void A_slot_holds_the_last_value_put_in_it()
    {
        var slots = new RecentSlots<string>(maxBits: 12);
        var hash = 0xABCD_0000_0000_0000UL;

        Assert.Null(slots.Get(hash));
        slots.Set(hash, "first");
        Assert.Equal("first", slots.Get(hash));
        slots.Set(hash | 1, "second"); // the same top bits: the same slot
        Assert.Equal("second", slots.Get(hash));
    }

    [Fact]
    public void It_starts_with_a_thousand_slots_and_doubles_after_twice_as_many_replacements_up_to_its_limit()
    {
        var slots = new RecentSlots<object>(maxBits: 12);
        Assert.Equal(1 << 10, slots.Capacity);

        var value = new object();
        var hash = 0UL;
        void Replace(int times)
        {
            for (var i = 0; i < times; i++)
            {
                slots.Set(hash += 0x9E3779B97F4A7C15UL, value);
            }
        }

        Replace(2 * 1024);
        Assert.Equal(1 << 10, slots.Capacity);
        Replace(1);
        Assert.Equal(1 << 11, slots.Capacity);
        Assert.Null(slots.Get(hash)); // a larger table starts empty
        Replace((2 * 2048) + 1);
        Assert.Equal(1 << 12, slots.Capacity);
        Replace(100_000);
        Assert.Equal(1 << 12, slots.Capacity);
    }

    [Fact]
    public void A_limit_below_the_starting_size_or_past_a_billion_slots_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecentSlots<object>(maxBits: 9));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecentSlots<object>(maxBits: 31));
    }
}
