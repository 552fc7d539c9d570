package io.cairn.rpc.api;

import io.cairn.crypto.Hash;
import io.cairn.ledger.Block;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.Transaction;
import java.util.Objects;

/** What happens on a node, as subscribers see it (WebSocket subscriptions, the explorer). */
public sealed interface NodeEvent {

    /** A block became final and is stored (receipts are in the store by then). */
    record BlockCommitted(Block block, CommitCertificate certificate) implements NodeEvent {
        public BlockCommitted {
            Objects.requireNonNull(block, "block");
            Objects.requireNonNull(certificate, "certificate");
        }
    }

    /** A transaction entered this node's mempool, from a client or by gossip. */
    record TransactionAdmitted(Hash hash, Transaction transaction) implements NodeEvent {
        public TransactionAdmitted {
            Objects.requireNonNull(hash, "hash");
            Objects.requireNonNull(transaction, "transaction");
        }
    }

    /**
     * Consensus moved: a new height, a new view, or the start of a view change.
     *
     * @param changingView true between sending VIEW-CHANGE and entering the new view
     */
    record ConsensusChanged(long height, long view, int primary, boolean changingView) implements NodeEvent {}
}
