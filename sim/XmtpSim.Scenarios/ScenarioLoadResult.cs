namespace XmtpSim.Scenarios;

/// <summary>
/// The outcome of <see cref="ScenarioLoader.TryParse"/>: the bound scenario (null when binding
/// failed) and every error, binding errors first, then <see cref="ScenarioValidator"/> errors.
/// </summary>
/// <param name="Scenario">The bound scenario, or null when the file or an override did not bind.</param>
/// <param name="BindingErrors">Syntax, schema, unit, range and topology errors.</param>
/// <param name="ValidationErrors">Whole-scenario errors (fault schedule, unsupported features).</param>
public sealed record ScenarioLoadResult(
    Scenario? Scenario,
    IReadOnlyList<ScenarioError> BindingErrors,
    IReadOnlyList<ScenarioError> ValidationErrors)
{
    /// <summary>Every error, binding errors first.</summary>
    public IReadOnlyList<ScenarioError> Errors => [.. BindingErrors, .. ValidationErrors];

    /// <summary>Whether the scenario bound and validated.</summary>
    public bool IsValid => Scenario is not null && BindingErrors.Count == 0 && ValidationErrors.Count == 0;
}
