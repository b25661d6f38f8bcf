namespace XmtpSim.Checks;

/// <summary>The verdict of one check.</summary>
/// <param name="Name">The check's name in <c>summary.json</c> (its scenario key, made unique when a check repeats: <c>_2</c>, <c>_3</c>, …).</param>
/// <param name="Passed">True when the check passed.</param>
/// <param name="Evidence">One line with the numbers behind the verdict.</param>
/// <param name="CounterExample">On failure, the first counter-example (envelope originator:seq and topic, client or node, times); null on success.</param>
public sealed record CheckResult(string Name, bool Passed, string Evidence, string? CounterExample)
{
    /// <summary><c>pass</c> or <c>fail</c>, as written in <c>summary.json</c>.</summary>
    public string Verdict => Passed ? "pass" : "fail";

    /// <summary>A passing result.</summary>
    public static CheckResult Pass(string name, string evidence) => new(name, true, evidence, null);

    /// <summary>A failing result.</summary>
    public static CheckResult Fail(string name, string evidence, string counterExample) => new(name, false, evidence, counterExample);
}
