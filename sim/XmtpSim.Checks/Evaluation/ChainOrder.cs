using XmtpSim.Checks.Recording;
using XmtpSim.Protocol.Cursors;
using XmtpSim.Protocol.Envelopes;

namespace XmtpSim.Checks.Evaluation;

/// <summary>
/// <c>chain_order</c>: every live node holds the same chain-originated sequence. For originators 0 and 1: the
/// chain never emits one (originator, sequence) with two transaction hashes; every live node's stored digest for
/// (originator, sequence) equals the chain's transaction hash (or, when the journal has no chain transactions,
/// the first digest any live node stored); no live node holds a chain sequence the chain never emitted; and every
/// live node holds every chain transaction by the end.
/// </summary>
internal static class ChainOrder
{
    public static CheckResult Evaluate(string name, HistoryAnalysis analysis)
    {
        var history = analysis.History;
        var txs = new Dictionary<EnvelopeId, ChainTxRecord>();
        string? first = null;
        long problems = 0;
        foreach (var tx in history.ChainTransactions)
        {
            if (txs.TryGetValue(tx.Envelope, out var earlier))
            {
                if (earlier.TxHash != tx.TxHash)
                {
                    problems++;
                    first ??= $"the chain emitted {Format.Envelope(tx.Envelope)} on {history.Topics[tx.Topic]} twice: tx {history.Digests[earlier.TxHash]} " +
                        $"in block {Format.Int(earlier.Block)} at {Format.Seconds(earlier.TimeNs)} and tx {history.Digests[tx.TxHash]} " +
                        $"in block {Format.Int(tx.Block)} at {Format.Seconds(tx.TimeNs)}";
                }

                continue;
            }

            txs.Add(tx.Envelope, tx);
        }

        var firstDigest = new Dictionary<EnvelopeId, (int Digest, int Node, long TimeNs)>();
        long copies = 0;
        foreach (var store in history.Stores)
        {
            if (!ReservedOriginators.IsBlockchain(store.Envelope.Originator) || analysis.NodeOf(store.Node) is not { Live: true } node)
            {
                continue;
            }

            copies++;
            // Only a counter-example is described; a million healthy copies should not each format a string.
            string Where() => $"{Format.Envelope(store.Envelope)} on {history.Topics[store.Topic]} at {node.Name} ({Format.Seconds(store.TimeNs)})";
            if (txs.TryGetValue(store.Envelope, out var tx))
            {
                if (tx.TxHash != store.Digest)
                {
                    problems++;
                    first ??= $"{Where()} has digest {history.Digests[store.Digest]} but the chain's tx is {history.Digests[tx.TxHash]} " +
                        $"(block {Format.Int(tx.Block)} at {Format.Seconds(tx.TimeNs)})";
                }
            }
            else if (txs.Count > 0)
            {
                problems++;
                first ??= $"{Where()} is not a chain transaction (digest {history.Digests[store.Digest]})";
            }
            else if (firstDigest.TryGetValue(store.Envelope, out var seen))
            {
                if (seen.Digest != store.Digest)
                {
                    problems++;
                    first ??= $"{Where()} has digest {history.Digests[store.Digest]} but {history.Actors[seen.Node]} stored " +
                        $"{history.Digests[seen.Digest]} at {Format.Seconds(seen.TimeNs)}";
                }
            }
            else
            {
                firstDigest.Add(store.Envelope, (store.Digest, store.Node, store.TimeNs));
            }
        }

        var live = analysis.Nodes.Where(n => n.Live).ToList();
        long missing = 0;
        foreach (var tx in txs.Values.OrderBy(t => t.Envelope))
        {
            if (!analysis.TryGetIndex(tx.Envelope, out var index))
            {
                continue;
            }

            foreach (var node in live)
            {
                if (!node.Holds(index))
                {
                    missing++;
                    problems++;
                    first ??= $"{node.Name} never indexed chain envelope {Format.Envelope(tx.Envelope)} on {history.Topics[tx.Topic]} " +
                        $"(block {Format.Int(tx.Block)} at {Format.Seconds(tx.TimeNs)})";
                }
            }
        }

        var evidence = $"{Format.Int(txs.Count)} chain transactions; {Format.Int(copies)} indexed copies at {Format.Int(live.Count)} live nodes; " +
            $"{Format.Int(problems - missing)} digest disagreements, {Format.Int(missing)} missing copies";
        return first is null ? CheckResult.Pass(name, evidence) : CheckResult.Fail(name, evidence, first);
    }
}
