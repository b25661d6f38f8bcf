using System.Runtime.InteropServices;

namespace XmtpSim.Protocol.Crypto;

/// <summary>
/// secp256k1 through the system's libsecp256k1 (Debian <c>libsecp256k1-1</c>, built with the recovery
/// module), called through unmanaged function pointers. Gives byte-identical results to
/// <see cref="BouncyCastleSecp256k1"/>: the library's default nonce function is RFC 6979 with
/// HMAC-SHA256 and it always emits low-S signatures.
/// </summary>
/// <remarks>
/// One context is created on first use and lives for the process; libsecp256k1 documents a context
/// as safe to share between threads for every call that takes it as <c>const</c> (all calls here).
/// Randomising the context (<c>secp256k1_context_randomize</c>) would only blind side channels; it
/// never changes a signature, so it is not done. Every call works on stack buffers: only the returned
/// arrays of <see cref="Sign"/> and <see cref="GetPublicKey"/> are allocated.
/// </remarks>
public sealed unsafe class LibSecp256k1 : ISecp256k1
{
    /// <summary>File names tried, in order, with the platform's library search path.</summary>
    public static readonly IReadOnlyList<string> LibraryNames = ["libsecp256k1.so.1", "libsecp256k1.so", "libsecp256k1.so.2", "libsecp256k1"];

    private const uint ContextNone = 1; // SECP256K1_CONTEXT_NONE
    private const uint Uncompressed = 2; // SECP256K1_EC_UNCOMPRESSED
    private const int PublicKeyStructSize = 64; // secp256k1_pubkey: opaque 64 bytes
    private const int RecoverableSignatureStructSize = 65; // secp256k1_ecdsa_recoverable_signature: opaque 65 bytes

    private static readonly Lazy<(LibSecp256k1? Instance, string? Error)> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly nint _context;
    private readonly delegate* unmanaged<nint, byte*, byte*, int> _pubkeyCreate;
    private readonly delegate* unmanaged<nint, byte*, nuint*, byte*, uint, int> _pubkeySerialize;
    private readonly delegate* unmanaged<nint, byte*, byte*, byte*, nint, nint, int> _signRecoverable;
    private readonly delegate* unmanaged<nint, byte*, int*, byte*, int> _serializeCompact;
    private readonly delegate* unmanaged<nint, byte*, byte*, int, int> _parseCompact;
    private readonly delegate* unmanaged<nint, byte*, byte*, byte*, int> _recover;

    private LibSecp256k1(nint library)
    {
        var contextCreate = (delegate* unmanaged<uint, nint>)NativeLibrary.GetExport(library, "secp256k1_context_create");
        _pubkeyCreate = (delegate* unmanaged<nint, byte*, byte*, int>)NativeLibrary.GetExport(library, "secp256k1_ec_pubkey_create");
        _pubkeySerialize = (delegate* unmanaged<nint, byte*, nuint*, byte*, uint, int>)NativeLibrary.GetExport(library, "secp256k1_ec_pubkey_serialize");
        _signRecoverable = (delegate* unmanaged<nint, byte*, byte*, byte*, nint, nint, int>)NativeLibrary.GetExport(library, "secp256k1_ecdsa_sign_recoverable");
        _serializeCompact = (delegate* unmanaged<nint, byte*, int*, byte*, int>)NativeLibrary.GetExport(library, "secp256k1_ecdsa_recoverable_signature_serialize_compact");
        _parseCompact = (delegate* unmanaged<nint, byte*, byte*, int, int>)NativeLibrary.GetExport(library, "secp256k1_ecdsa_recoverable_signature_parse_compact");
        _recover = (delegate* unmanaged<nint, byte*, byte*, byte*, int>)NativeLibrary.GetExport(library, "secp256k1_ecdsa_recover");
        _context = contextCreate(ContextNone);
        if (_context == 0)
        {
            throw new InvalidOperationException("secp256k1_context_create returned NULL");
        }
    }

    /// <summary>The shared instance, or null when libsecp256k1 (with the recovery module) cannot be loaded.</summary>
    public static LibSecp256k1? Instance => Loaded.Value.Instance;

    /// <summary>Why <see cref="Instance"/> is null (library not found, symbol missing), or null when it loaded.</summary>
    public static string? LoadError => Loaded.Value.Error;

    /// <inheritdoc />
    public string Name => "libsecp256k1";

    /// <inheritdoc />
    public byte[] GetPublicKey(ReadOnlySpan<byte> privateKey)
    {
        RequirePrivateKey(privateKey);
        var output = new byte[65];
        byte* pubkey = stackalloc byte[PublicKeyStructSize];
        fixed (byte* seckey = privateKey)
        fixed (byte* outputPointer = output)
        {
            if (_pubkeyCreate(_context, pubkey, seckey) != 1)
            {
                throw new ArgumentException("private key is out of range [1, n)", nameof(privateKey));
            }

            nuint length = 65;
            _pubkeySerialize(_context, outputPointer, &length, pubkey, Uncompressed);
        }

        return output;
    }

    /// <inheritdoc />
    public byte[] Sign(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> digest)
    {
        RequirePrivateKey(privateKey);
        if (digest.Length != 32)
        {
            throw new ArgumentException("a digest has 32 bytes", nameof(digest));
        }

        var signature = new byte[65];
        byte* native = stackalloc byte[RecoverableSignatureStructSize];
        int recoveryId;
        fixed (byte* seckey = privateKey)
        fixed (byte* message = digest)
        fixed (byte* output = signature)
        {
            // NULL nonce function = secp256k1_nonce_function_default (RFC 6979, HMAC-SHA256), NULL extra data.
            if (_signRecoverable(_context, native, message, seckey, 0, 0) != 1)
            {
                throw new ArgumentException("private key is out of range [1, n)", nameof(privateKey));
            }

            _serializeCompact(_context, output, &recoveryId, native);
        }

        signature[64] = (byte)recoveryId;
        return signature;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Answers exactly as <see cref="BouncyCastleSecp256k1.TryRecover"/>: V above 1 is refused here, before
    /// the library sees it (a recovery id above 3 would trip its illegal-argument callback, which aborts
    /// the process, and ids 2 and 3 are never produced for Ethereum signatures). r or s ≥ n fails in
    /// <c>parse_compact</c>; r = 0 or s = 0 parses but fails in <c>secp256k1_ecdsa_recover</c>, as do an
    /// r that is not the x-coordinate of a curve point and a recovered point at infinity.
    /// </remarks>
    public bool TryRecover(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature, Span<byte> publicKey)
    {
        if (digest.Length != 32 || signature.Length != 65 || publicKey.Length < 65 || signature[64] > 1)
        {
            return false;
        }

        byte* native = stackalloc byte[RecoverableSignatureStructSize];
        byte* pubkey = stackalloc byte[PublicKeyStructSize];
        fixed (byte* input = signature)
        fixed (byte* message = digest)
        fixed (byte* output = publicKey)
        {
            if (_parseCompact(_context, native, input, signature[64]) != 1)
            {
                return false;
            }

            if (_recover(_context, pubkey, native, message) != 1)
            {
                return false;
            }

            nuint length = 65;
            _pubkeySerialize(_context, output, &length, pubkey, Uncompressed);
        }

        return true;
    }

    private static void RequirePrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != 32)
        {
            throw new ArgumentException("a secp256k1 private key has 32 bytes", nameof(privateKey));
        }
    }

    private static (LibSecp256k1? Instance, string? Error) Load()
    {
        foreach (var name in LibraryNames)
        {
            if (!NativeLibrary.TryLoad(name, typeof(LibSecp256k1).Assembly, DllImportSearchPath.SafeDirectories | DllImportSearchPath.System32, out var library)
                && !NativeLibrary.TryLoad(name, out library))
            {
                continue;
            }

            try
            {
                return (new LibSecp256k1(library), null);
            }
            catch (EntryPointNotFoundException e)
            {
                return (null, $"{name} loaded but lacks a symbol (built without the recovery module?): {e.Message}");
            }
            catch (InvalidOperationException e)
            {
                return (null, $"{name}: {e.Message}");
            }
        }

        return (null, $"none of {string.Join(", ", LibraryNames)} could be loaded (Debian/Ubuntu: apt-get install libsecp256k1-1)");
    }
}
