package io.cairn.ledger.state;

import io.cairn.crypto.Hash;
import io.cairn.ledger.ChainHead;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Outcome;
import io.cairn.ledger.Receipt;
import io.cairn.ledger.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Applies a block's transactions in order, deterministically: same state and block, same result. */
public final class BlockExecutor {
    private final TransactionRules rules;

    public BlockExecutor(Genesis genesis) {
        this.rules = new TransactionRules(genesis);
    }

    public TransactionRules rules() {
        return rules;
    }

    /**
     * Executes {@code transactions} (with their {@code hashes}) as block {@code parent.height() + 1}
     * on {@code state}, the state at {@code parent}. Throws if any transaction may not be in a block.
     */
    public ExecutionResult execute(ChainHead parent, WorldState state, List<Transaction> transactions,
            List<Hash> hashes, SignatureVerifier signatures) throws InvalidBlockException {
        long height = parent.height() + 1;
        StateOverlay overlay = new StateOverlay(state);
        List<Receipt> receipts = new ArrayList<>(transactions.size());
        for (int i = 0; i < transactions.size(); i++) {
            Transaction tx = transactions.get(i);
            Hash hash = hashes.get(i);
            Optional<Rejection> rejection = rules.checkIncludable(hash, tx, overlay, signatures);
            if (rejection.isPresent()) {
                throw new InvalidBlockException("block " + height + ", transaction " + i + " (" + hash + "): "
                        + rejection.get());
            }
            Outcome outcome = rules.apply(tx, overlay);
            receipts.add(new Receipt(hash, height, i, outcome));
        }
        StateChanges changes = overlay.changes();
        return new ExecutionResult(height, receipts, changes, changes.rootAfter(parent.stateRoot(), height));
    }
}
