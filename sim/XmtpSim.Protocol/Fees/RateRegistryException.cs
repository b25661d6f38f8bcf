namespace XmtpSim.Protocol.Fees;

/// <summary>A RateRegistry rule was broken (a revert on chain, or no rates for a time).</summary>
public sealed class RateRegistryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RateRegistryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RateRegistryException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public RateRegistryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
