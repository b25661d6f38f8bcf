namespace XmtpSim.Protocol.Crypto;

/// <summary>Why a node JWT was refused, in the order xmtpd's <c>authn.RegistryVerifier</c> checks.</summary>
public enum NodeJwtError
{
    /// <summary>The token is valid.</summary>
    None = 0,

    /// <summary>Not three base64url segments of JSON, or a claim of the wrong type.</summary>
    Malformed,

    /// <summary>Header <c>alg</c> is not ES256K.</summary>
    UnsupportedAlgorithm,

    /// <summary><c>sub</c> is missing or not a 32-bit decimal node ID.</summary>
    InvalidSubject,

    /// <summary>The registry has no signing key for the subject node.</summary>
    UnknownNode,

    /// <summary>The signature segment is not 65 bytes, or (R, S) does not verify against the registry key.</summary>
    BadSignature,

    /// <summary>The token's expiry has passed (the JWT library's check, no leeway).</summary>
    Expired,

    /// <summary>An <c>nbf</c> claim lies in the future (the JWT library's check; xmtpd tokens carry none).</summary>
    NotYetValid,

    /// <summary>This node's ID is not in <c>aud</c>: the token was meant for another node.</summary>
    WrongAudience,

    /// <summary><c>iat</c> or <c>exp</c> is missing.</summary>
    MissingTimes,

    /// <summary><c>iat</c> is more than the allowed clock skew (2 min) in the future.</summary>
    IssuedInFuture,

    /// <summary><c>exp</c> is before <c>iat</c>.</summary>
    ExpiresBeforeIssued,

    /// <summary><c>exp − iat</c> is longer than the 2 h maximum.</summary>
    LifetimeTooLong,

    /// <summary>The caller's <c>version</c> is outside [floor, next major) of this node's version.</summary>
    IncompatibleVersion,
}
