namespace XmtpSim.Protocol.Cursors;

/// <summary>
/// The originator's publish-time <c>depends_on</c> check (xmtpd <c>validateClientInfo</c>, spec §5.4).
/// Works on the raw wire entries, because an explicit <c>(o, 0)</c> entry for an originator the node has
/// never seen is rejected even though it means "nothing".
/// </summary>
public static class DependsOnCheck
{
    /// <summary>Node originator ids start here; smaller ids are chain (0, 1) and migration (10–14) originators.</summary>
    public const uint FirstNodeOriginator = 100;

    /// <summary>The verdict and, on rejection, the first offending entry.</summary>
    public readonly record struct Result(DependsOnRejection Rejection, uint Originator, ulong Sequence)
    {
        /// <summary>True when the publish may proceed.</summary>
        public bool Accepted => Rejection == DependsOnRejection.None;

        /// <summary>A message in the style of the node's InvalidArgument errors.</summary>
        public string Describe() => Rejection switch
        {
            DependsOnRejection.None => "accepted",
            DependsOnRejection.NodeOriginator => $"depends_on names node originator {Originator}; only originators < 100 may be depended on",
            DependsOnRejection.OriginatorNotSeen => $"depends_on originator {Originator} has not been seen by this node",
            DependsOnRejection.NotYetIndexed => $"depends_on {Originator}:{Sequence} is ahead of this node's cursor",
            _ => Rejection.ToString(),
        };
    }

    /// <summary>
    /// Checks <paramref name="dependsOn"/> (raw wire entries, in wire order) against the node's global cursor
    /// (<paramref name="nodeCursor"/>: an originator is "seen" when its entry is non-zero).
    /// </summary>
    public static Result Check(IEnumerable<KeyValuePair<uint, ulong>> dependsOn, VectorClock nodeCursor)
    {
        foreach (var (originator, sequence) in dependsOn.OrderBy(e => e.Key))
        {
            if (originator >= FirstNodeOriginator)
            {
                return new Result(DependsOnRejection.NodeOriginator, originator, sequence);
            }

            var seen = nodeCursor[originator];
            if (seen == 0)
            {
                return new Result(DependsOnRejection.OriginatorNotSeen, originator, sequence);
            }

            if (sequence > seen)
            {
                return new Result(DependsOnRejection.NotYetIndexed, originator, sequence);
            }
        }

        return new Result(DependsOnRejection.None, 0, 0);
    }
}
