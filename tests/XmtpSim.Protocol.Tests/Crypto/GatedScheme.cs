using XmtpSim.Protocol.Crypto;

namespace XmtpSim.Protocol.Tests.Crypto;

/// <summary>
/// A scheme that holds the first signature it is asked for until <see cref="Release"/> is set, and records which
/// thread made each: with it a test holds a <see cref="SigningLane"/> busy for as long as it needs.
/// </summary>
internal sealed class GatedScheme(ISignatureScheme inner) : ISignatureScheme
{
    private readonly Dictionary<int, int> _threads = [];
    private int _calls;

    public ManualResetEventSlim Entered { get; } = new();

    public ManualResetEventSlim Release { get; } = new();

    public string Name => inner.Name;

    public int ThreadOf(int call)
    {
        lock (_threads)
        {
            return _threads[call];
        }
    }

    public byte[] Sign(SigningKey key, ReadOnlySpan<byte> digest)
    {
        var call = Interlocked.Increment(ref _calls);
        lock (_threads)
        {
            _threads[call] = Environment.CurrentManagedThreadId;
        }

        if (call == 1)
        {
            Entered.Set();
            Release.Wait();
        }

        return inner.Sign(key, digest);
    }

    public bool TryRecoverAddress(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature, out EthAddress address) =>
        inner.TryRecoverAddress(digest, signature, out address);
}
