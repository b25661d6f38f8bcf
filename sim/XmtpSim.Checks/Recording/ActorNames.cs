using System.Globalization;

namespace XmtpSim.Checks.Recording;

/// <summary>The naming convention of simulated actors: <c>node-&lt;id&gt;</c>, <c>client-&lt;n&gt;</c>, <c>gateway-&lt;n&gt;</c>, <c>appchain</c>.</summary>
public static class ActorNames
{
    /// <summary>Prefix of node actor names.</summary>
    public const string NodePrefix = "node-";

    /// <summary>The actor name of node <paramref name="nodeId"/>, e.g. <c>node-100</c>.</summary>
    public static string Node(uint nodeId) => NodePrefix + nodeId.ToString(CultureInfo.InvariantCulture);

    /// <summary>True when <paramref name="name"/> is a node's actor name; <paramref name="nodeId"/> is its id.</summary>
    public static bool TryParseNode(string name, out uint nodeId)
    {
        nodeId = 0;
        return name.StartsWith(NodePrefix, StringComparison.Ordinal)
            && uint.TryParse(name.AsSpan(NodePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out nodeId);
    }
}
