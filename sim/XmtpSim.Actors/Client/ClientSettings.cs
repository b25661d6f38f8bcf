using XmtpSim.Engine;
using XmtpSim.Protocol.Ordering;

namespace XmtpSim.Actors.Client;

/// <summary>One installation and what it does during the run (all drawn from the scenario and the seed by the workload planner).</summary>
public sealed record ClientSettings
{
    /// <summary>Client number (its actor is "client-&lt;index&gt;").</summary>
    public required int Index { get; init; }

    /// <summary>The installation key (32 bytes): its welcome and key-package topics.</summary>
    public required byte[] InstallationKey { get; init; }

    /// <summary>The inbox id (32 bytes): its identity-update topic.</summary>
    public required byte[] InboxId { get; init; }

    /// <summary>Its app's gateway.</summary>
    public required ActorId Gateway { get; init; }

    /// <summary>Nodes to read from, preferred first; the client fails over along this list.</summary>
    public required IReadOnlyList<ActorId> ReadNodes { get; init; }

    /// <summary>When the installation comes online, nanoseconds.</summary>
    public long StartNanos { get; init; }

    /// <summary>No new publishes after this time (the end of the workload phase), nanoseconds.</summary>
    public required long WorkloadEndNanos { get; init; }

    /// <summary>Application messages per second (Poisson), across the client's groups.</summary>
    public double MessageRatePerSecond { get; init; }

    /// <summary>Draws an application message size, bytes.</summary>
    public required Func<Random, long> MessageBytes { get; init; }

    /// <summary>Groups this client creates.</summary>
    public IReadOnlyList<GroupPlan> CreatesGroups { get; init; } = [];

    /// <summary>Commits per second per group this client created (to the app chain).</summary>
    public double CommitRatePerGroup { get; init; }

    /// <summary>Identity updates over the workload (the first registers the inbox).</summary>
    public int IdentityUpdates { get; init; } = 1;

    /// <summary>Key packages uploaded at start.</summary>
    public int KeyPackages { get; init; } = 1;

    /// <summary>Virtual CPU per signature verification of a received envelope.</summary>
    public required CryptoCosts Costs { get; init; }

    /// <summary>Causal delivery backoff and give-up.</summary>
    public CausalDeliveryOptions Causal { get; init; } = CausalDeliveryOptions.Default;

    /// <summary>How long a (re)subscription may go unanswered before retrying, nanoseconds.</summary>
    public long SubscribeTimeoutNanos { get; init; } = 5 * SimTime.NanosPerSecond;

    /// <summary>Failed subscribe attempts on one node before moving to the next.</summary>
    public int AttemptsPerNode { get; init; } = 2;
}

/// <summary>A group a client creates: its id and the installation keys of the other members.</summary>
public sealed record GroupPlan(byte[] GroupId, IReadOnlyList<byte[]> MemberInstallationKeys);
