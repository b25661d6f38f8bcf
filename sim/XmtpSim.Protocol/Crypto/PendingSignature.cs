using System.Runtime.ExceptionServices;

namespace XmtpSim.Protocol.Crypto;

/// <summary>
/// A signature that a <see cref="SigningLane"/> is making into bytes its caller already holds: the digest of
/// some signed bytes, signed with one key and written into a 65-byte destination. Whoever reads the destination
/// calls <see cref="Wait"/> first. A reader that comes before the lane has started makes the signature itself,
/// so a read never waits behind other work in the lane's queue.
/// </summary>
/// <remarks>
/// The signature is a pure function of the key and the digest (secp256k1 with RFC 6979 nonces, or the modeled
/// keyed hash), so the bytes are the same whichever thread makes them and whenever: only the wall time a reader
/// spends waiting depends on the timing. A failure to sign is kept and rethrown to every reader by <see cref="Wait"/>;
/// bytes that no one ever reads cannot carry it into a result.
/// </remarks>
public sealed class PendingSignature
{
    private const int Queued = 0;
    private const int Signing = 1;
    private const int Done = 2;

    private readonly ISignatureScheme _scheme;
    private readonly SigningKey _key;
    private readonly ReadOnlyMemory<byte> _signed;
    private readonly Func<ReadOnlySpan<byte>, byte[]> _digest;
    private readonly Memory<byte> _destination;
    private ExceptionDispatchInfo? _failure;
    private int _state;

    /// <summary>A signature of <paramref name="digest"/>(<paramref name="signed"/>) with <paramref name="key"/>, into <paramref name="destination"/>.</summary>
    /// <param name="destination">Exactly as long as the scheme's signatures (65 bytes).</param>
    internal PendingSignature(
        ISignatureScheme scheme, SigningKey key, ReadOnlyMemory<byte> signed, Func<ReadOnlySpan<byte>, byte[]> digest, Memory<byte> destination)
    {
        _scheme = scheme;
        _key = key;
        _signed = signed;
        _digest = digest;
        _destination = destination;
    }

    /// <summary>True once the signature is in its destination (or making it failed).</summary>
    public bool IsDone => Volatile.Read(ref _state) == Done;

    /// <summary>
    /// Returns once the signature is in its destination: at once if it is, after making it on this thread if the
    /// lane has not started it, otherwise after the lane finishes it (a few tens of microseconds at most). Rethrows
    /// what making it threw.
    /// </summary>
    public void Wait()
    {
        if (Volatile.Read(ref _state) != Done && !TryMake())
        {
            var spinner = default(SpinWait);
            while (Volatile.Read(ref _state) != Done)
            {
                spinner.SpinOnce(sleep1Threshold: -1); // yields, but never sleeps a whole millisecond for tens of microseconds of work
            }
        }

        _failure?.Throw();
    }

    /// <summary>Makes the signature unless another thread has started it; false if one had.</summary>
    internal bool TryMake()
    {
        if (Interlocked.CompareExchange(ref _state, Signing, Queued) != Queued)
        {
            return false;
        }

        try
        {
            SigningLane.SignNow(_scheme, _key, _signed.Span, _digest, _destination.Span);
        }
        catch (Exception e)
        {
            _failure = ExceptionDispatchInfo.Capture(e); // rethrown to every reader by Wait
        }

        Volatile.Write(ref _state, Done); // after the bytes: a reader that sees Done reads them whole
        return true;
    }
}
