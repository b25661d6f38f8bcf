namespace XmtpSim.Scenarios;

/// <summary>How signatures are made and checked in a run (scenario key <c>crypto</c>).</summary>
public enum CryptoMode
{
    /// <summary>Real secp256k1 recoverable ECDSA over Keccak-256 (<c>real</c>, the default).</summary>
    Real,

    /// <summary>A keyed hash over the same digest inputs, charging <see cref="CryptoCostOptions"/> in virtual time (<c>modeled</c>).</summary>
    Modeled,
}
