namespace XmtpSim.Engine;

/// <summary>An actor threw while handling a message: the run is invalid and stops (exit code 3), never silently restarts.</summary>
public sealed class SimulationFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SimulationFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SimulationFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SimulationFailedException()
    {
    }
}
