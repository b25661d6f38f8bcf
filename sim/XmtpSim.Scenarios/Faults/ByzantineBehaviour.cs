namespace XmtpSim.Scenarios.Faults;

/// <summary>What a Byzantine node does (key <c>byzantine.behaviour</c>).</summary>
public enum ByzantineBehaviour
{
    /// <summary><c>equivocate</c>: two different signed envelopes with one sequence id.</summary>
    Equivocate,

    /// <summary><c>tamper</c>: payload altered after signing.</summary>
    Tamper,

    /// <summary><c>forge_signature</c>: envelopes with invalid signatures.</summary>
    ForgeSignature,

    /// <summary><c>withhold</c>: withholds replication from <c>peers</c>.</summary>
    Withhold,

    /// <summary><c>censor</c>: drops envelopes on some <c>topics</c> or from some <c>payers</c>.</summary>
    Censor,

    /// <summary><c>reorder</c>: serves its own stream out of sequence order.</summary>
    Reorder,

    /// <summary><c>inflate_fees</c>: charges more than the rate registry allows.</summary>
    InflateFees,
}
