namespace XmtpSim.Protocol.Fees;

/// <summary>A fee cannot be computed: a zero size or retention, or an overflow of the 64-bit picodollar range.</summary>
public sealed class FeeCalculationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FeeCalculationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public FeeCalculationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public FeeCalculationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
