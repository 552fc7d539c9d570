package io.cairn.node.chain;

import io.cairn.crypto.Hash;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.state.SignatureVerifier;
import io.cairn.ledger.state.WorldState;
import java.util.Collection;
import java.util.List;

/** What block production needs from the mempool; called only from the consensus thread. */
public interface PendingTransactions {
    /** Transactions that may enter the next block on {@code committed}, in an order a block may take them. */
    List<Transaction> candidates(WorldState committed, int maxTransactions, long maxBytes);

    /** Whether any pending transaction could enter the next block: the truth behind "work pending". */
    boolean hasIncludable(WorldState committed);

    /** A block with {@code included} was committed; {@code committed} is the state after it. */
    void committed(List<Transaction> included, WorldState committed);

    void remove(Collection<Hash> hashes);

    /** Remembers the signatures checked on admission, so each is verified once. */
    SignatureVerifier signatures();
}
