namespace XmtpSim.Engine;

/// <summary>
/// A message that crosses the simulated network. Its size in bytes (the serialized gRPC frame it stands
/// for) drives bandwidth delay and byte counts, and its name appears in the journal.
/// </summary>
public interface IWireMessage
{
    /// <summary>Serialized size on the wire, bytes.</summary>
    int WireBytes { get; }
}
