using XmtpSim.Protocol.Crypto;

namespace XmtpSim.Protocol.Tests.Crypto;

public sealed class SigningLaneTests
{
    private static readonly SigningKey Alice = SigningKey.Derive("alice", 1);
    private static readonly RealSignatureScheme Scheme = new(BouncyCastleSecp256k1.Instance);
    private static readonly Func<ReadOnlySpan<byte>, byte[]> Hash = Keccak256.Hash;

    private static byte[] Message(int i) => [.. Enumerable.Range(0, 40 + i).Select(b => (byte)(b * 31 + i))];

    private static byte[] Inline(ISignatureScheme scheme, byte[] message)
    {
        var signature = new byte[65];
        SigningLane.SignNow(scheme, Alice, message, Hash, signature);
        return signature;
    }

    [Fact]
    public void Signatures_made_on_the_lane_are_the_ones_made_inline()
    {
        using var lane = new SigningLane("test lane");
        var messages = Enumerable.Range(0, 20).Select(Message).ToList();
        var destinations = messages.Select(_ => new byte[65]).ToList();
        var pending = messages.Select((m, i) => lane.Sign(Scheme, Alice, m, Hash, destinations[i])).ToList();

        for (var i = 0; i < messages.Count; i++)
        {
            pending[i].Wait();
            Assert.True(pending[i].IsDone);
            Assert.Equal(Inline(Scheme, messages[i]), destinations[i]);
            Assert.True(Scheme.TryRecoverAddress(Keccak256.Hash(messages[i]), destinations[i], out var signer));
            Assert.Equal(Alice.Address, signer);
        }
    }

    [Fact]
    public void A_reader_makes_a_queued_signature_itself_instead_of_waiting_behind_the_queue()
    {
        var gated = new GatedScheme(Scheme);
        using var lane = new SigningLane("test lane");
        var first = lane.Sign(gated, Alice, Message(1), Hash, new byte[65]); // holds the lane until released
        Assert.True(gated.Entered.Wait(TimeSpan.FromSeconds(30)), "the lane never started");
        var destination = new byte[65];
        var second = lane.Sign(gated, Alice, Message(2), Hash, destination);

        second.Wait(); // returns while the lane is still held: made on this thread
        Assert.False(first.IsDone);
        Assert.Equal(Environment.CurrentManagedThreadId, gated.ThreadOf(2));
        Assert.Equal(Inline(Scheme, Message(2)), destination);

        gated.Release.Set();
        first.Wait();
        Assert.NotEqual(Environment.CurrentManagedThreadId, gated.ThreadOf(1));
    }

    [Fact]
    public async Task A_reader_of_a_signature_the_lane_is_making_waits_for_all_of_it()
    {
        var gated = new GatedScheme(Scheme);
        using var lane = new SigningLane("test lane");
        var destination = new byte[65];
        var pending = lane.Sign(gated, Alice, Message(3), Hash, destination);
        Assert.True(gated.Entered.Wait(TimeSpan.FromSeconds(30)), "the lane never started");

        var reader = Task.Run(() =>
        {
            pending.Wait();
            return destination.ToArray();
        });
        var first = await Task.WhenAny(reader, Task.Delay(TimeSpan.FromMilliseconds(100)));
        Assert.NotSame(reader, first); // a reader never goes on before the signature is made, however long it waits
        Assert.False(pending.IsDone);

        gated.Release.Set();
        Assert.Equal(Inline(Scheme, Message(3)), await reader);
    }

    [Fact]
    public void A_failed_signature_fails_every_reader()
    {
        using var lane = new SigningLane("test lane");
        var pending = lane.Sign(new FailingScheme(), Alice, Message(4), Hash, new byte[65]);

        Assert.Equal("no key", Assert.Throws<InvalidOperationException>(pending.Wait).Message);
        Assert.Equal("no key", Assert.Throws<InvalidOperationException>(pending.Wait).Message);
    }

    [Fact]
    public void A_signature_of_the_wrong_size_for_its_place_is_an_error()
    {
        using var lane = new SigningLane("test lane");
        var pending = lane.Sign(Scheme, Alice, Message(5), Hash, new byte[64]);

        Assert.Contains("65-byte signature; its place holds 64 bytes", Assert.Throws<InvalidOperationException>(pending.Wait).Message);
    }

    [Fact]
    public void A_disposed_lane_takes_no_work_and_the_shared_lane_cannot_be_disposed()
    {
        var lane = new SigningLane("test lane");
        var destination = new byte[65];
        var queued = lane.Sign(Scheme, Alice, Message(6), Hash, destination);
        lane.Dispose();

        queued.Wait();
        Assert.Equal(Inline(Scheme, Message(6)), destination);
        Assert.Throws<ObjectDisposedException>(() => lane.Sign(Scheme, Alice, Message(7), Hash, new byte[65]));
        Assert.Throws<InvalidOperationException>(SigningLane.Shared.Dispose);
    }

    private sealed class FailingScheme : ISignatureScheme
    {
        public string Name => "failing";

        public byte[] Sign(SigningKey key, ReadOnlySpan<byte> digest) => throw new InvalidOperationException("no key");

        public bool TryRecoverAddress(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature, out EthAddress address) =>
            throw new InvalidOperationException("no key");
    }
}
