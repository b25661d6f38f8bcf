using XmtpSim.Protocol.Crypto;

namespace XmtpSim.Protocol.Tests.Crypto;

public sealed class EthAddressTests
{
    [Fact]
    public void Bytes_round_trip_and_order_equality_and_hash_follow_the_twenty_bytes()
    {
        var random = new Random(7);
        var samples = new List<byte[]>();
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[EthAddress.Size];
            random.NextBytes(bytes);
            samples.Add(bytes);
        }

        // Pairs that differ only in the last byte of each of the three words, and equal pairs.
        foreach (var position in new[] { 7, 15, 19 })
        {
            var a = (byte[])samples[0].Clone();
            var b = (byte[])samples[0].Clone();
            a[position] = 1;
            b[position] = 2;
            samples.Add(a);
            samples.Add(b);
            samples.Add((byte[])a.Clone());
        }

        foreach (var x in samples)
        {
            var address = EthAddress.FromBytes(x);
            Assert.Equal(x, address.ToBytes());
            foreach (var y in samples)
            {
                var other = EthAddress.FromBytes(y);
                var expected = Math.Sign(x.AsSpan().SequenceCompareTo(y));
                Assert.Equal(expected, Math.Sign(address.CompareTo(other)));
                Assert.Equal(expected == 0, address == other);
                if (expected == 0)
                {
                    Assert.Equal(address.GetHashCode(), other.GetHashCode());
                }
            }
        }
    }

    [Fact]
    public void Text_forms_are_the_published_ones()
    {
        var address = EthAddress.Parse("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf");
        Assert.Equal("0x7e5f4552091a69125d5dfcb7b8c2659029395bdf", address.ToString());
        Assert.Equal("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf", address.ToChecksumString());
    }
}
