using BenchmarkDotNet.Attributes;
using XmtpSim.Protocol.Crypto;

namespace XmtpSim.Benchmarks;

/// <summary>
/// Per-operation cost of the crypto the simulator charges in virtual time: secp256k1 on each backend,
/// Keccak-256, and the payer signing digest of a typical envelope.
/// </summary>
[MemoryDiagnoser]
public class CryptoBenchmarks
{
    private readonly byte[] _recovered = new byte[65];
    private ISecp256k1 _backend = BouncyCastleSecp256k1.Instance;
    private byte[] _privateKey = [];
    private byte[] _digest = [];
    private byte[] _signature = [];
    private byte[] _small = [];
    private byte[] _kibibyte = [];
    private byte[] _envelope = [];

    /// <summary>secp256k1 backend name.</summary>
    [Params("bouncycastle", "libsecp256k1")]
    public string Backend { get; set; } = "bouncycastle";

    /// <summary>Fixed inputs, so every run measures the same work.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _backend = Secp256k1Backends.ByName(Backend);
        _privateKey = SigningKey.Derive("bench", 1).PrivateKey.ToArray();
        _digest = Keccak256.Hash("benchmark digest"u8);
        _signature = _backend.Sign(_privateKey, _digest);
        _small = Fill(32);
        _kibibyte = Fill(1024);
        _envelope = Fill(300);
    }

    /// <summary>RFC 6979 recoverable signature of a 32-byte digest.</summary>
    [Benchmark]
    public byte[] Sign() => _backend.Sign(_privateKey, _digest);

    /// <summary>Public-key recovery from a 65-byte signature.</summary>
    [Benchmark]
    public bool Recover() => _backend.TryRecover(_digest, _signature, _recovered);

    /// <summary>Uncompressed public key of a private key.</summary>
    [Benchmark]
    public byte[] PublicKey() => _backend.GetPublicKey(_privateKey);

    /// <summary>Keccak-256 of 32 bytes (backend-independent).</summary>
    [Benchmark]
    public byte[] Keccak32B() => Keccak256.Hash(_small);

    /// <summary>Keccak-256 of 1 KiB (backend-independent).</summary>
    [Benchmark]
    public byte[] Keccak1KiB() => Keccak256.Hash(_kibibyte);

    /// <summary>Payer digest of a 300-byte unsigned client envelope (backend-independent).</summary>
    [Benchmark]
    public byte[] PayerDigest300B() => Digests.Payer(100, _envelope);

    private static byte[] Fill(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)((i * 31) + 7);
        }

        return bytes;
    }
}
