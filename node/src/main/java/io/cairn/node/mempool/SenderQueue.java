package io.cairn.node.mempool;

import io.cairn.ledger.Account;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One sender's pending transactions by nonce, and the sender's account nonce as last read from the
 * committed state. Nonces only grow, so a stale read never moves it back. Not thread-safe: the
 * mempool's lock guards it.
 */
final class SenderQueue {
    private final NavigableMap<Long, PendingTransaction> byNonce = new TreeMap<>();
    private long nextNonce;

    SenderQueue(long accountNonce) {
        this.nextNonce = accountNonce;
    }

    long nextNonce() {
        return nextNonce;
    }

    void advanceTo(long accountNonce) {
        nextNonce = Math.max(nextNonce, accountNonce);
    }

    boolean isEmpty() {
        return byNonce.isEmpty();
    }

    Optional<PendingTransaction> at(long nonce) {
        return Optional.ofNullable(byNonce.get(nonce));
    }

    /** Whether the transaction with the account nonce is pending, so a block could start with this sender. */
    boolean isReady() {
        return byNonce.containsKey(nextNonce);
    }

    void put(PendingTransaction pending) {
        byNonce.put(pending.nonce(), pending);
    }

    void remove(PendingTransaction pending) {
        byNonce.remove(pending.nonce(), pending);
    }

    /**
     * The sum of what the pending transfers from {@code accountNonce} on would spend, at most
     * {@code Long.MAX_VALUE}. Those below it were included in a block already, which the balance
     * shows, and leave as soon as the mempool hears of that block.
     */
    long pendingSpending(long accountNonce) {
        long sum = 0;
        for (PendingTransaction pending : byNonce.tailMap(Math.max(nextNonce, accountNonce), true).values()) {
            sum = saturatedAdd(sum, pending.spends());
        }
        return sum;
    }

    /** The pending transactions from the account nonce on, in nonce order, gaps included. */
    Iterator<PendingTransaction> fromNextNonce() {
        return byNonce.tailMap(nextNonce, true).values().iterator();
    }

    /**
     * Removes and returns what {@code account} (the sender's committed state) makes unincludable:
     * nonces below its nonce, operations it lacks the permission for, and transfers its balance no
     * longer covers after the earlier pending ones, in nonce order as admission counted them.
     */
    List<PendingTransaction> recheck(Account account) {
        advanceTo(account.nonce());
        List<PendingTransaction> dropped = new ArrayList<>(byNonce.headMap(nextNonce, false).values());
        byNonce.headMap(nextNonce, false).clear();
        long left = account.balance();
        Iterator<PendingTransaction> rest = byNonce.values().iterator();
        while (rest.hasNext()) {
            PendingTransaction pending = rest.next();
            boolean permitted = account.has(pending.tx().operation().requiredPermission());
            if (!permitted || pending.spends() > left) {
                rest.remove();
                dropped.add(pending);
            } else {
                left -= pending.spends();
            }
        }
        return dropped;
    }

    /** Removes and returns everything, for a sender whose account is gone. */
    List<PendingTransaction> clear() {
        List<PendingTransaction> all = new ArrayList<>(byNonce.values());
        byNonce.clear();
        return all;
    }

    List<PendingTransaction> all() {
        return new ArrayList<>(byNonce.values());
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum; // both are non-negative, so only overflow makes it negative
    }
}
