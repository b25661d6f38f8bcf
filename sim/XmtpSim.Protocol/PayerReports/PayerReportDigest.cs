using System.Text;
using XmtpSim.Protocol.Crypto;

namespace XmtpSim.Protocol.PayerReports;

/// <summary>
/// The payer report ID: the EIP-712 digest nodes sign to attest a report and the contract recomputes
/// (spec §9.5; <c>xmtp/xmtpd: pkg/payerreport/report.go BuildPayerReportID</c>,
/// <c>xmtp/smart-contracts: PayerReportManager._getPayerReportDigest</c>, <c>ERC712._getDomainSeparator</c>).
/// </summary>
/// <remarks>
/// The node IDs enter the struct hash as <c>keccak256(abi.encode(nodeIds))</c>: the contract writes exactly
/// that, and xmtpd's <c>utils.PackSortAndHashNodeIDs</c> packs <c>abi.Arguments{{Type: uint32[]}}</c>, which
/// is the same ABI encoding with the 0x20 offset word and the length word before the elements. This
/// differs from strict EIP-712 (<c>keccak256</c> of the concatenated element words only), so a generic
/// EIP-712 library would give a different ID. xmtpd sorts the IDs ascending before hashing; the contract
/// hashes the array as submitted and separately requires it to be the sorted canonical set.
/// </remarks>
public static class PayerReportDigest
{
    /// <summary>The EIP-712 type string of a payer report.</summary>
    public const string TypeString =
        "PayerReport(uint32 originatorNodeId,uint64 startSequenceId,uint64 endSequenceId,uint32 endMinuteSinceEpoch,bytes32 payersMerkleRoot,uint32[] nodeIds)";

    /// <summary>The EIP-712 domain type string (no salt).</summary>
    public const string DomainTypeString = "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)";

    /// <summary>Domain name of PayerReportManager.</summary>
    public const string DomainName = "PayerReportManager";

    /// <summary>Domain version of PayerReportManager (not the contract's own version string "1.0.1").</summary>
    public const string DomainVersion = "1";

    private static readonly byte[] TypeHashBytes = Keccak256.Hash(Encoding.ASCII.GetBytes(TypeString));
    private static readonly byte[] DomainTypeHashBytes = Keccak256.Hash(Encoding.ASCII.GetBytes(DomainTypeString));
    private static readonly byte[] NameHash = Keccak256.Hash(Encoding.ASCII.GetBytes(DomainName));
    private static readonly byte[] VersionHash = Keccak256.Hash(Encoding.ASCII.GetBytes(DomainVersion));

    /// <summary>PAYER_REPORT_TYPEHASH = keccak256(<see cref="TypeString"/>).</summary>
    public static ReadOnlySpan<byte> TypeHash => TypeHashBytes;

    /// <summary>keccak256(<see cref="DomainTypeString"/>).</summary>
    public static ReadOnlySpan<byte> DomainTypeHash => DomainTypeHashBytes;

    /// <summary>
    /// keccak256(abi.encode(domainTypeHash, keccak256("PayerReportManager"), keccak256("1"), chainId,
    /// verifyingContract)) for the settlement chain's ID and the PayerReportManager (proxy) address.
    /// </summary>
    public static byte[] DomainSeparator(ulong chainId, EthAddress verifyingContract)
    {
        Span<byte> encoded = stackalloc byte[5 * Abi.WordSize];
        Abi.WriteBytes32(encoded, DomainTypeHashBytes);
        Abi.WriteBytes32(encoded[32..], NameHash);
        Abi.WriteBytes32(encoded[64..], VersionHash);
        Abi.WriteUInt(encoded[96..], chainId);
        Abi.WriteAddress(encoded[128..], verifyingContract);
        return Keccak256.Hash(encoded);
    }

    /// <summary>keccak256(abi.encode(uint32[] nodeIds)) after sorting ascending, as xmtpd does.</summary>
    public static byte[] NodeIdsHash(IEnumerable<uint> nodeIds)
    {
        var sorted = nodeIds.ToArray();
        Array.Sort(sorted);
        return Keccak256.Hash(Abi.EncodeUInt32Array(sorted));
    }

    /// <summary>
    /// keccak256(abi.encode(PAYER_REPORT_TYPEHASH, originatorNodeId, startSequenceId, endSequenceId,
    /// endMinuteSinceEpoch, payersMerkleRoot, nodeIdsHash)).
    /// </summary>
    public static byte[] StructHash(
        uint originatorNodeId,
        ulong startSequenceId,
        ulong endSequenceId,
        uint endMinuteSinceEpoch,
        ReadOnlySpan<byte> payersMerkleRoot,
        ReadOnlySpan<byte> nodeIdsHash)
    {
        Span<byte> encoded = stackalloc byte[7 * Abi.WordSize];
        Abi.WriteBytes32(encoded, TypeHashBytes);
        Abi.WriteUInt(encoded[32..], originatorNodeId);
        Abi.WriteUInt(encoded[64..], startSequenceId);
        Abi.WriteUInt(encoded[96..], endSequenceId);
        Abi.WriteUInt(encoded[128..], endMinuteSinceEpoch);
        Abi.WriteBytes32(encoded[160..], payersMerkleRoot);
        Abi.WriteBytes32(encoded[192..], nodeIdsHash);
        return Keccak256.Hash(encoded);
    }

    /// <summary>
    /// The report ID = keccak256(0x19 0x01 ‖ domainSeparator ‖ structHash). Nodes sign this digest as is
    /// (no further prefix). <paramref name="activeNodeIds"/> are sorted before hashing.
    /// </summary>
    public static byte[] ReportId(
        ReadOnlySpan<byte> domainSeparator,
        uint originatorNodeId,
        ulong startSequenceId,
        ulong endSequenceId,
        uint endMinuteSinceEpoch,
        ReadOnlySpan<byte> payersMerkleRoot,
        IEnumerable<uint> activeNodeIds)
    {
        if (domainSeparator.Length != 32 || domainSeparator.IndexOfAnyExcept((byte)0) < 0)
        {
            throw new ArgumentException("a non-zero 32-byte domain separator is required", nameof(domainSeparator));
        }

        var structHash = StructHash(originatorNodeId, startSequenceId, endSequenceId, endMinuteSinceEpoch,
            payersMerkleRoot, NodeIdsHash(activeNodeIds));
        var hasher = default(Keccak256);
        hasher.Append([0x19, 0x01]);
        hasher.Append(domainSeparator);
        hasher.Append(structHash);
        return hasher.Finish();
    }
}
