namespace XmtpSim.Protocol.Ordering;

/// <summary>An envelope the client applied, in application order.</summary>
/// <param name="Envelope">The envelope.</param>
/// <param name="DependencyDropped">True when it was applied only because the client gave up on its dependency.</param>
public readonly record struct Delivery<T>(CausalEnvelope<T> Envelope, bool DependencyDropped);
