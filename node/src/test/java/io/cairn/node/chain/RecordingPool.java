package io.cairn.node.chain;

import io.cairn.crypto.Hash;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.state.SignatureVerifier;
import io.cairn.ledger.state.WorldState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A pool that offers its transactions as candidates in the order added, records what the chain
 * tells it, and counts the real Ed25519 checks per transaction: a second execution of a block
 * shows up as a second check.
 */
final class RecordingPool implements PendingTransactions {
    final List<Transaction> pending = new ArrayList<>();
    final List<List<Transaction>> committedBlocks = new ArrayList<>();
    final List<Hash> removed = new ArrayList<>();
    final Map<Hash, Integer> signatureChecks = new HashMap<>();

    RecordingPool add(Transaction... transactions) {
        pending.addAll(List.of(transactions));
        return this;
    }

    @Override
    public List<Transaction> candidates(WorldState committed, int maxTransactions, long maxBytes) {
        return List.copyOf(pending.subList(0, Math.min(maxTransactions, pending.size())));
    }

    @Override
    public boolean hasIncludable(WorldState committed) {
        return !pending.isEmpty();
    }

    @Override
    public void committed(List<Transaction> included, WorldState committed) {
        committedBlocks.add(List.copyOf(included));
        pending.removeAll(included);
    }

    @Override
    public void remove(Collection<Hash> hashes) {
        removed.addAll(hashes);
        pending.removeIf(tx -> hashes.contains(tx.hash()));
    }

    @Override
    public SignatureVerifier signatures() {
        return (hash, tx) -> {
            signatureChecks.merge(hash, 1, Integer::sum);
            return SignatureVerifier.ALWAYS.isValid(hash, tx);
        };
    }

    /** Everything the chain may change here, to compare before and after. */
    List<Object> snapshot() {
        return List.of(List.copyOf(pending), List.copyOf(committedBlocks), List.copyOf(removed));
    }
}
