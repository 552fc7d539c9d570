package io.cairn.node.mempool;

import io.cairn.crypto.Hash;
import io.cairn.ledger.Operation.Transfer;
import io.cairn.ledger.Transaction;

/** A transaction waiting in the mempool, with what was computed once on admission. */
record PendingTransaction(Transaction tx, Hash hash, int size) {
    long nonce() {
        return tx.nonce();
    }

    /** What the transaction takes from the sender's balance when it succeeds: the transfer amount, else 0. */
    long spends() {
        return tx.operation() instanceof Transfer transfer ? transfer.amount() : 0;
    }
}
