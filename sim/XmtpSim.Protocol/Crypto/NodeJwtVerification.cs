namespace XmtpSim.Protocol.Crypto;

/// <summary>The outcome of verifying a node JWT.</summary>
/// <param name="Error"><see cref="NodeJwtError.None"/> when valid.</param>
/// <param name="CallerNodeId">The authenticated caller (<c>sub</c>) when valid, else 0.</param>
/// <param name="Detail">A human-readable reason, empty when valid.</param>
public readonly record struct NodeJwtVerification(NodeJwtError Error, uint CallerNodeId, string Detail)
{
    /// <summary>True when the token is valid.</summary>
    public bool IsValid => Error == NodeJwtError.None;

    internal static NodeJwtVerification Fail(NodeJwtError error, string detail) => new(error, 0, detail);
}
