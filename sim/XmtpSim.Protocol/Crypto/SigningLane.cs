using System.Collections.Concurrent;

namespace XmtpSim.Protocol.Crypto;

/// <summary>
/// A thread that makes signatures while their callers go on: a node signs every envelope it originates, but
/// nothing reads the signature until the envelope is replicated, served or written out, usually long after. With
/// real secp256k1 a signature costs tens of microseconds, a fifth of a small run's simulation thread, which the
/// lane moves to another core. Work is done in the order it was queued; a reader that needs a signature before its
/// turn makes it itself (<see cref="PendingSignature.Wait"/>).
/// </summary>
/// <remarks>
/// Timing decides only where a signature is made, never its bytes, so a run's results and journal are the same
/// with or without a lane. The cheap modeled scheme gains nothing from it (handing over costs about what it
/// signs in), so only real signatures are worth a lane.
/// </remarks>
public sealed class SigningLane : IDisposable
{
    private static readonly Lazy<SigningLane> shared = new(() => new SigningLane("signing lane"));

    private readonly ConcurrentQueue<PendingSignature> _queue = new();
    private readonly SemaphoreSlim _queued = new(0);
    private volatile bool _disposed;

    /// <summary>Starts a lane on a background thread of its own named <paramref name="threadName"/>.</summary>
    public SigningLane(string threadName)
    {
        new Thread(Run) { IsBackground = true, Name = threadName }.Start();
    }

    /// <summary>The process's lane, started on first use and never stopped (its thread does not keep the process alive).</summary>
    public static SigningLane Shared => shared.Value;

    /// <summary>
    /// Queues the signature of <paramref name="digest"/>(<paramref name="signed"/>) with <paramref name="key"/> into
    /// <paramref name="destination"/>. The caller must not change <paramref name="signed"/> afterwards, and no one
    /// may read <paramref name="destination"/> before the returned signature's <see cref="PendingSignature.Wait"/>.
    /// </summary>
    public PendingSignature Sign(
        ISignatureScheme scheme, SigningKey key, ReadOnlyMemory<byte> signed, Func<ReadOnlySpan<byte>, byte[]> digest, Memory<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(digest);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var pending = new PendingSignature(scheme, key, signed, digest, destination);
        _queue.Enqueue(pending);
        _queued.Release();
        return pending;
    }

    /// <summary>
    /// Signs <paramref name="digest"/>(<paramref name="signed"/>) with <paramref name="key"/> into
    /// <paramref name="destination"/> on this thread, exactly as a lane would: the inline path for runs without one.
    /// </summary>
    public static void SignNow(
        ISignatureScheme scheme, SigningKey key, ReadOnlySpan<byte> signed, Func<ReadOnlySpan<byte>, byte[]> digest, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(digest);
        var signature = scheme.Sign(key, digest(signed));
        if (signature.Length != destination.Length)
        {
            throw new InvalidOperationException(
                $"scheme {scheme.Name} made a {signature.Length}-byte signature; its place holds {destination.Length} bytes");
        }

        signature.CopyTo(destination);
    }

    /// <summary>
    /// Stops the lane's thread after it has made the signatures already queued. The shared lane is never disposed.
    /// </summary>
    public void Dispose()
    {
        if (ReferenceEquals(this, shared.IsValueCreated ? shared.Value : null))
        {
            throw new InvalidOperationException("the shared signing lane lives as long as the process");
        }

        _disposed = true;
        _queued.Release();
    }

    private void Run()
    {
        while (true)
        {
            _queued.Wait();
            if (_queue.TryDequeue(out var pending))
            {
                pending.TryMake(); // false when a reader got to it first
            }
            else if (_disposed)
            {
                return;
            }
        }
    }
}
