package io.cairn.ledger.state;

import io.cairn.ledger.Block;
import io.cairn.ledger.Transaction;
import java.util.List;

/**
 * A block the proposer built, its execution, and the candidates it refused because they may not
 * enter a block on the current state (the mempool drops those). Candidates that merely did not
 * fit, and the later ones of their senders, are in neither list.
 */
public record ProposedBlock(Block block, ExecutionResult execution, List<Refused> refused) {
    public record Refused(Transaction transaction, Rejection rejection) {}

    public ProposedBlock {
        refused = List.copyOf(refused);
    }
}
