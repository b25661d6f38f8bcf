using XmtpSim.Protocol.Crypto;

namespace XmtpSim.Protocol.Tests.Crypto;

/// <summary>
/// A <see cref="SigningLane"/> kept busy by a held signature until disposed: whatever a test queues on it stays
/// queued, so the test's own reads must make those signatures themselves.
/// </summary>
internal sealed class HeldLane : IDisposable
{
    private readonly GatedScheme _gated;
    private readonly PendingSignature _holder;

    public HeldLane(ISignatureScheme scheme, SigningKey key)
    {
        _gated = new GatedScheme(scheme);
        Lane = new SigningLane("held test lane");
        _holder = Lane.Sign(_gated, key, new byte[8], Keccak256.Hash, new byte[65]);
        if (!_gated.Entered.Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("the lane never started its first signature");
        }
    }

    public SigningLane Lane { get; }

    public void Dispose()
    {
        _gated.Release.Set();
        _holder.Wait();
        Lane.Dispose();
    }
}
