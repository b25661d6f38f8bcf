namespace XmtpSim.Checks.Results;

/// <summary>Publishes and client deliveries.</summary>
/// <param name="Acknowledged">Distinct acknowledged envelopes.</param>
/// <param name="PublishFailures">Publishes that failed for good.</param>
/// <param name="Expected">Client deliveries the no_loss rule expects.</param>
/// <param name="AppliedExpected">Of those, applied.</param>
/// <param name="Ratio">AppliedExpected / Expected (1 when nothing is expected).</param>
/// <param name="DependencyDropped">Applies made after giving up on a dependency.</param>
public sealed record DeliverySummary(long Acknowledged, long PublishFailures, long Expected, long AppliedExpected, double Ratio, long DependencyDropped);
