package io.cairn.node.mempool;

import io.cairn.ledger.Account;
import io.cairn.ledger.Operation.Transfer;
import io.cairn.ledger.Permission;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.state.Rejection.Reason;
import java.util.Optional;

/**
 * The admission checks that need the sender's committed account and what is pending: permission,
 * nonce window, nonce taken, balance, and the mempool's limits, cheapest first. The caller holds
 * the mempool's lock.
 */
final class AdmissionCheck {
    private final MempoolLimits limits;

    AdmissionCheck(MempoolLimits limits) {
        this.limits = limits;
    }

    Optional<Admission.Refused> check(Transaction tx, int size, Optional<Account> found, PendingPool pool) {
        if (found.isEmpty()) {
            return refuse(Reason.UNKNOWN_SENDER, "account " + tx.sender() + " does not exist");
        }
        Account account = found.get();
        Permission needed = tx.operation().requiredPermission();
        if (!account.has(needed)) {
            return refuse(Reason.NOT_PERMITTED, "the sender lacks the '" + needed.jsonName()
                    + "' permission needed for a " + tx.operation().kind().jsonName());
        }
        Optional<SenderQueue> queue = pool.queue(tx.sender());
        long next = Math.max(account.nonce(), queue.map(SenderQueue::nextNonce).orElse(0L));
        if (tx.nonce() < next) {
            return refuse(Reason.NONCE_TOO_LOW, "nonce " + tx.nonce() + " is already used; the next nonce is " + next);
        }
        if (tx.nonce() - next >= limits.nonceWindow()) {
            return refuse(Reason.NONCE_TOO_HIGH, "nonce " + tx.nonce() + " is too far ahead: the next nonce is "
                    + next + " and the mempool takes nonces up to " + (next + limits.nonceWindow() - 1));
        }
        Optional<PendingTransaction> taken = queue.flatMap(q -> q.at(tx.nonce()));
        if (taken.isPresent()) {
            return Optional.of(new Admission.Refused(Admission.NONCE_TAKEN, "transaction " + taken.get().hash()
                    + " from this sender with nonce " + tx.nonce() + " is already pending"));
        }
        if (tx.operation() instanceof Transfer transfer) {
            long pending = queue.map(q -> q.pendingSpending(next)).orElse(0L);
            if (pending > account.balance() || account.balance() - pending < transfer.amount()) {
                return refuse(Reason.INSUFFICIENT_BALANCE, "the balance " + account.balance() + " minus " + pending
                        + " in pending transfers does not cover the amount " + transfer.amount());
            }
        }
        if (pool.size() >= limits.maxTransactions() || pool.bytes() + size > limits.maxBytes()) {
            return Optional.of(new Admission.Refused(Admission.MEMPOOL_FULL, "mempool full: "
                    + limits.maxTransactions() + " transactions / " + limits.maxBytes() + " bytes"));
        }
        return Optional.empty();
    }

    private static Optional<Admission.Refused> refuse(Reason reason, String message) {
        return Optional.of(new Admission.Refused(reason.code(), message));
    }
}
