package io.cairn.node.mempool;

import io.cairn.crypto.Hash;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Account;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.state.WorldState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pending transactions: by hash, and per sender by nonce. Senders are kept in the order their
 * first pending transaction arrived, which is the order of each round when choosing candidates.
 * Not thread-safe: the mempool's lock guards it.
 */
final class PendingPool {
    private final Map<Hash, PendingTransaction> byHash = new HashMap<>();
    private final Map<PublicKey, SenderQueue> bySender = new LinkedHashMap<>();
    private long bytes;

    int size() {
        return byHash.size();
    }

    long bytes() {
        return bytes;
    }

    boolean contains(Hash hash) {
        return byHash.containsKey(hash);
    }

    Optional<PendingTransaction> get(Hash hash) {
        return Optional.ofNullable(byHash.get(hash));
    }

    Optional<SenderQueue> queue(PublicKey sender) {
        return Optional.ofNullable(bySender.get(sender));
    }

    /** Adds a transaction the admission checks passed, for a sender whose account nonce is {@code accountNonce}. */
    void add(PendingTransaction pending, long accountNonce) {
        SenderQueue queue = bySender.computeIfAbsent(pending.tx().sender(), sender -> new SenderQueue(accountNonce));
        queue.advanceTo(accountNonce);
        queue.put(pending);
        byHash.put(pending.hash(), pending);
        bytes += pending.size();
    }

    Optional<PendingTransaction> remove(Hash hash) {
        PendingTransaction pending = byHash.remove(hash);
        if (pending == null) {
            return Optional.empty();
        }
        bytes -= pending.size();
        PublicKey sender = pending.tx().sender();
        SenderQueue queue = bySender.get(sender);
        queue.remove(pending);
        if (queue.isEmpty()) {
            bySender.remove(sender);
        }
        return Optional.of(pending);
    }

    /**
     * Re-checks the pending transactions of {@code sender} against its committed account (empty when
     * there is none), and removes and returns those that can no longer enter a block.
     */
    List<PendingTransaction> recheck(PublicKey sender, Optional<Account> account) {
        SenderQueue queue = bySender.get(sender);
        if (queue == null) {
            return List.of();
        }
        List<PendingTransaction> dropped = account.isPresent() ? queue.recheck(account.get()) : queue.clear();
        for (PendingTransaction pending : dropped) {
            byHash.remove(pending.hash());
            bytes -= pending.size();
        }
        if (queue.isEmpty()) {
            bySender.remove(sender);
        }
        return dropped;
    }

    /**
     * Whether some sender's pending transactions hold its account nonce, so a block on
     * {@code committed} would not be empty. Only senders the queues think ready are read from the
     * state: a sender's nonce moves only through a block, and the mempool hears of every block.
     */
    boolean hasIncludable(WorldState committed) {
        for (Map.Entry<PublicKey, SenderQueue> entry : bySender.entrySet()) {
            SenderQueue queue = entry.getValue();
            if (queue.isReady() && new Run(entry.getKey(), queue, committed).hasNext()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Candidates for the next block on {@code committed}: for each sender, its run of consecutive
     * nonces from its account nonce, taken one transaction per sender per round, senders in the
     * order their first pending transaction arrived. A sender whose next transaction does not fit
     * in the bytes left is done (skipping it would leave a gap); others may still fit.
     */
    List<Transaction> candidates(WorldState committed, int maxTransactions, long maxBytes) {
        List<Transaction> chosen = new ArrayList<>();
        long[] bytesLeft = {maxBytes};
        ArrayDeque<Run> nextRound = new ArrayDeque<>();
        Iterator<Map.Entry<PublicKey, SenderQueue>> senders = bySender.entrySet().iterator();
        while (chosen.size() < maxTransactions && senders.hasNext()) {
            Map.Entry<PublicKey, SenderQueue> entry = senders.next();
            Run run = new Run(entry.getKey(), entry.getValue(), committed);
            if (run.takeInto(chosen, bytesLeft)) {
                nextRound.add(run);
            }
        }
        while (chosen.size() < maxTransactions && !nextRound.isEmpty()) {
            Run run = nextRound.poll();
            if (run.takeInto(chosen, bytesLeft)) {
                nextRound.add(run);
            }
        }
        return chosen;
    }

    /** All pending transactions, sender by sender in nonce order. */
    List<Transaction> all() {
        List<Transaction> all = new ArrayList<>(byHash.size());
        for (SenderQueue queue : bySender.values()) {
            for (PendingTransaction pending : queue.all()) {
                all.add(pending.tx());
            }
        }
        return all;
    }

    /** One sender's consecutive nonces from its committed account nonce, while it holds the permission. */
    private static final class Run {
        private final Account account;
        private final Iterator<PendingTransaction> pending;
        private long expected;
        private PendingTransaction next;

        Run(PublicKey sender, SenderQueue queue, WorldState committed) {
            this.account = committed.account(sender).orElse(null);
            if (account != null) {
                queue.advanceTo(account.nonce());
            }
            this.expected = queue.nextNonce();
            this.pending = queue.fromNextNonce();
            advance();
        }

        boolean hasNext() {
            return next != null;
        }

        /** Moves the next transaction of the run into {@code chosen} if it fits; false when the run is over. */
        boolean takeInto(List<Transaction> chosen, long[] bytesLeft) {
            if (next == null || next.size() > bytesLeft[0]) {
                return false;
            }
            chosen.add(next.tx());
            bytesLeft[0] -= next.size();
            expected++;
            advance();
            return true;
        }

        private void advance() {
            next = null;
            if (account != null && pending.hasNext()) {
                PendingTransaction candidate = pending.next();
                if (candidate.nonce() == expected && account.has(candidate.tx().operation().requiredPermission())) {
                    next = candidate;
                }
            }
        }
    }
}
