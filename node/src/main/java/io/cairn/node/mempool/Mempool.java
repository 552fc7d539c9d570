package io.cairn.node.mempool;

import io.cairn.node.chain.PendingTransactions;
import io.cairn.crypto.Hash;
import io.cairn.crypto.PublicKey;
import io.cairn.crypto.encoding.DecodeException;
import io.cairn.ledger.Account;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Operation.Grant;
import io.cairn.ledger.Operation.Revoke;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.state.Rejection;
import io.cairn.ledger.state.Rejection.Reason;
import io.cairn.ledger.state.SignatureVerifier;
import io.cairn.ledger.state.TransactionRules;
import io.cairn.ledger.state.WorldState;
import io.cairn.node.mempool.SeenHashes.Seen;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactions waiting for a block. Network and RPC threads {@link #add} concurrently; one
 * consensus thread takes {@link #candidates} and reports each block through {@link #committed}.
 * One lock guards the pending set; the signature, the expensive check, is verified outside it so
 * admissions verify in parallel, and it is verified once per transaction: {@link #signatures()}
 * lets the block builder and verifier skip it for what was admitted.
 *
 * <p>The {@code committed} state passed in is the node's committed state as it is now (the ledger
 * store); {@link #committed} must be called after every block the node commits, proposed,
 * voted on or synced, since a sender's nonce and balance only change through blocks.
 */
public final class Mempool implements PendingTransactions {
    private static final Logger log = LoggerFactory.getLogger(Mempool.class);

    private final TransactionRules rules;
    private final AdmissionCheck admission;
    private final SignatureVerifier verifier;
    private final Object lock = new Object();
    private final PendingPool pool = new PendingPool();
    private final SeenHashes seen;
    /** Hashes between their first and last admission check, so a concurrent copy is not verified twice. */
    private final Set<Hash> admitting = new HashSet<>();
    /**
     * At most this many transactions per pass of {@link #addAll}: a pass holds its transactions
     * reserved while it verifies them (about 16 ms for these), and a block's check may wait for them.
     */
    static final int PASS_SIZE = 256;
    /** How long a block builder or verifier waits for an admission verifying the same transaction. */
    private static final Duration ADMISSION_WAIT = Duration.ofMillis(100);
    private final Duration admissionWait;
    /** Blocks reported through {@link #committed}; written under the lock, read outside it too. */
    private volatile long blocksSeen;

    private final LongAdder admitted = new LongAdder();
    private final LongAdder committedCount = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();

    public Mempool(Genesis genesis, MempoolLimits limits) {
        this(genesis, limits, SignatureVerifier.ALWAYS);
    }

    /** With {@code verifier} doing the actual signature checks, so tests can count them. */
    Mempool(Genesis genesis, MempoolLimits limits, SignatureVerifier verifier) {
        this(genesis, limits, verifier, ADMISSION_WAIT);
    }

    /** With how long a block's check waits for an admission verifying the same transaction. */
    Mempool(Genesis genesis, MempoolLimits limits, SignatureVerifier verifier, Duration admissionWait) {
        this.admissionWait = admissionWait;
        this.rules = new TransactionRules(genesis);
        this.admission = new AdmissionCheck(limits);
        this.verifier = verifier;
        this.seen = new SeenHashes(limits.seenCapacity());
    }

    /** Admits a transaction in its canonical encoding, or says why not. */
    public Admission add(byte[] encoded, WorldState committed) {
        return addAll(List.of(encoded), committed).get(0);
    }

    public Admission add(Transaction tx, WorldState committed) {
        return admitAll(List.of(new Offer(tx, tx.hash(), tx.encodedSize())), committed).get(0);
    }

    /**
     * Admits transactions in their canonical encodings as {@link #add} would one after another, and
     * answers one admission per transaction, in order. The whole batch reads each sender's account
     * once and takes the lock twice, where one by one would take it three times per transaction:
     * under load, gossip and RPC threads would otherwise queue on the lock, and the consensus thread
     * behind them.
     */
    public List<Admission> addAll(List<byte[]> encoded, WorldState committed) {
        List<Admission> answers = new ArrayList<>(encoded.size());
        for (int from = 0; from < encoded.size(); from += PASS_SIZE) {
            List<Offer> offers = new ArrayList<>(PASS_SIZE);
            for (byte[] bytes : encoded.subList(from, Math.min(from + PASS_SIZE, encoded.size()))) {
                try {
                    offers.add(new Offer(Transaction.decode(bytes), Hash.of(bytes), bytes.length)); // canonical
                } catch (DecodeException e) {
                    offers.add(Offer.refused(count(new Admission.Refused(Admission.MALFORMED, e.getMessage()))));
                }
            }
            answers.addAll(admitAll(offers, committed));
        }
        return answers;
    }

    /**
     * Form first; then, under the lock, duplicates and the checks against the senders' accounts and
     * the pending set, reserving what passes in {@link #admitting}; the signatures outside the lock;
     * and under the lock again the same checks in batch order, now that the batch's earlier
     * transactions, other admissions or a block may have changed the answer, before the pool takes
     * each in. A refusal in the first pass is final unless an earlier transaction of the batch has
     * the same sender: then it waits for the second pass, which gives the answer one by one would
     * give (a nonce taken by the earlier one, say, rather than the balance it left).
     */
    private List<Admission> admitAll(List<Offer> offers, WorldState committed) {
        for (Offer offer : offers) {
            if (offer.open()) {
                rules.checkForm(offer.tx).ifPresent(rejection -> offer.refuse(
                        count(new Admission.Refused(rejection.reason().code(), rejection.message()))));
            }
        }
        long blocks = blocksSeen; // before the accounts are read: see fresh()
        Map<PublicKey, Optional<Account>> accounts = accounts(offers, committed); // outside the lock
        List<Offer> reserved = new ArrayList<>(offers.size());
        synchronized (lock) {
            accounts = fresh(accounts, blocks, offers, committed);
            blocks = blocksSeen; // what the accounts are current for now
            Set<PublicKey> earlierSenders = new HashSet<>();
            for (Offer offer : offers) {
                if (!offer.open()) {
                    continue;
                }
                Optional<Admission.Refused> refusal = check(offer, accounts);
                if (refusal.isEmpty()) {
                    admitting.add(offer.hash);
                    offer.known = seen.get(offer.hash).orElse(null);
                    reserved.add(offer);
                } else if (earlierSenders.contains(offer.tx.sender())) {
                    offer.deferred = refusal.get();
                } else {
                    offer.refuse(count(refusal.get()));
                }
                earlierSenders.add(offer.tx.sender());
            }
        }
        verify(reserved);
        synchronized (lock) {
            accounts = fresh(accounts, blocks, offers, committed);
            reserved.forEach(offer -> admitting.remove(offer.hash));
            lock.notifyAll(); // a block builder or verifier may be waiting for these: awaitAdmission
            for (Offer offer : offers) {
                if (offer.open()) {
                    settle(offer, accounts);
                }
            }
        }
        return offers.stream().map(offer -> offer.answer).toList();
    }

    /** Under the lock, in batch order: the second pass over an offer reserved or deferred in the first. */
    private void settle(Offer offer, Map<PublicKey, Optional<Account>> accounts) {
        Optional<Admission.Refused> refusal = check(offer, accounts);
        if (offer.deferred != null) {
            // Not verified: refused now as one by one would, or (if a block meanwhile made it pass) as before.
            offer.refuse(count(refusal.orElse(offer.deferred)));
        } else if (refusal.isPresent()) {
            if (offer.valid && seen.get(offer.hash).isEmpty()) {
                seen.remember(offer.hash, Seen.VALID_SIGNATURE); // a block may hold it still: verified once
            }
            offer.refuse(count(refusal.get()));
        } else if (!offer.valid) {
            seen.remember(offer.hash, Seen.BAD_SIGNATURE);
            offer.refuse(count(new Admission.Refused(Reason.BAD_SIGNATURE.code(),
                    "the signature does not verify against the sender's key over the sign-bytes")));
        } else {
            Account account = accounts.get(offer.tx.sender()).orElseThrow();
            pool.add(new PendingTransaction(offer.tx, offer.hash, offer.size), account.nonce());
            admitted.increment(); // with the pool, so that stats() always adds up
            offer.answer = new Admission.Admitted(offer.hash);
        }
    }

    /** Under the lock: why the offer is refused, if it is a duplicate or fails the account and pool checks. */
    private Optional<Admission.Refused> check(Offer offer, Map<PublicKey, Optional<Account>> accounts) {
        return duplicate(offer.hash)
                .or(() -> admission.check(offer.tx, offer.size, accounts.get(offer.tx.sender()), pool));
    }

    /** Each open offer's sender's committed account, read once per sender. */
    private static Map<PublicKey, Optional<Account>> accounts(List<Offer> offers, WorldState committed) {
        Map<PublicKey, Optional<Account>> accounts = new HashMap<>();
        for (Offer offer : offers) {
            if (offer.open()) {
                accounts.computeIfAbsent(offer.tx.sender(), committed::account);
            }
        }
        return accounts;
    }

    /**
     * Under the lock: {@code accounts}, read when {@code blocks} blocks had been seen, or read again if
     * a block was seen since. Accounts change only through blocks, and {@link #committed} re-checks
     * what is pending after each, so what was read after the last block it saw is still current.
     */
    private Map<PublicKey, Optional<Account>> fresh(Map<PublicKey, Optional<Account>> accounts, long blocks,
            List<Offer> offers, WorldState committed) {
        return blocksSeen == blocks ? accounts : accounts(offers, committed);
    }

    /** The signature checks of reserved offers, outside the lock; on a failure the reservations are released. */
    private void verify(List<Offer> reserved) {
        try {
            for (Offer offer : reserved) {
                offer.valid = offer.known != null ? offer.known != Seen.BAD_SIGNATURE
                        : verifier.isValid(offer.hash, offer.tx);
            }
        } catch (RuntimeException e) {
            synchronized (lock) {
                reserved.forEach(offer -> admitting.remove(offer.hash));
                lock.notifyAll();
            }
            throw e;
        }
    }

    /** Under the lock. */
    private Optional<Admission.Refused> duplicate(Hash hash) {
        String what;
        if (pool.contains(hash) || admitting.contains(hash)) {
            what = "is already pending";
        } else {
            Seen earlier = seen.get(hash).orElse(Seen.VALID_SIGNATURE);
            if (earlier == Seen.VALID_SIGNATURE) {
                return Optional.empty();
            }
            what = earlier == Seen.COMMITTED ? "was committed" : "was refused for a bad signature";
        }
        return Optional.of(new Admission.Refused(Admission.DUPLICATE, "transaction " + hash + " " + what));
    }

    private Admission.Refused count(Admission.Refused refusal) {
        refused.computeIfAbsent(refusal.reason(), reason -> new LongAdder()).increment();
        log.debug("Refused a transaction: {}", refusal);
        return refusal;
    }

    /**
     * Candidates for the next block on {@code committed}, for {@code BlockBuilder}: each sender's
     * consecutive nonces from its account nonce (never a gap), one per sender per round, at most
     * {@code maxTransactions} and {@code maxBytes} of encoded transactions.
     */
    public List<Transaction> candidates(WorldState committed, int maxTransactions, long maxBytes) {
        synchronized (lock) {
            return pool.candidates(committed, maxTransactions, maxBytes);
        }
    }

    /** Whether a block on {@code committed} would hold at least one pending transaction. */
    public boolean hasIncludable(WorldState committed) {
        synchronized (lock) {
            return pool.hasIncludable(committed);
        }
    }

    /**
     * After a block: its transactions leave (and copies of them become duplicates), and the pending
     * transactions of every account it touched are checked again on the new state.
     */
    public void committed(List<Transaction> included, WorldState committed) {
        List<Hash> hashes = new ArrayList<>(included.size());
        Set<PublicKey> touched = new LinkedHashSet<>();
        for (Transaction tx : included) {
            hashes.add(tx.hash());
            touched.add(tx.sender());
            if (tx.operation() instanceof Grant grant) {
                touched.add(grant.account());
            } else if (tx.operation() instanceof Revoke revoke) {
                touched.add(revoke.account());
            }
        }
        // Read before taking the lock: only the thread reporting blocks changes the committed state.
        Map<PublicKey, Optional<Account>> accounts = new HashMap<>();
        touched.forEach(account -> accounts.put(account, committed.account(account)));
        int left = 0;
        int invalid = 0;
        synchronized (lock) {
            for (Hash hash : hashes) {
                if (pool.remove(hash).isPresent()) {
                    left++;
                }
                seen.remember(hash, Seen.COMMITTED);
            }
            for (PublicKey account : touched) {
                for (PendingTransaction gone : pool.recheck(account, accounts.get(account))) {
                    seen.remember(gone.hash(), Seen.VALID_SIGNATURE);
                    invalid++;
                }
            }
            committedCount.add(left);
            dropped.add(invalid);
            blocksSeen++;
        }
        log.debug("Block of {} transactions: {} left the mempool, {} dropped as no longer valid",
                included.size(), left, invalid);
    }

    /** Drops pending transactions, for example those the block builder refused. */
    public void remove(Collection<Hash> hashes) {
        int removed = 0;
        synchronized (lock) {
            for (Hash hash : hashes) {
                if (pool.remove(hash).isPresent()) {
                    seen.remember(hash, Seen.VALID_SIGNATURE);
                    removed++;
                }
            }
            dropped.add(removed);
        }
    }

    /**
     * For {@code BlockBuilder} and {@code BlockVerifier}: a pending transaction, or one whose
     * signature was checked lately, passes on what is known; any other is verified once and the
     * answer remembered. {@code hash} must be the transaction's hash, as those callers pass it.
     */
    public SignatureVerifier signatures() {
        return this::verifySignature;
    }

    private boolean verifySignature(Hash hash, Transaction tx) {
        synchronized (lock) {
            awaitAdmission(hash);
            if (pool.contains(hash)) {
                return true;
            }
            Optional<Seen> known = seen.get(hash);
            if (known.isPresent()) {
                return known.get() != Seen.BAD_SIGNATURE;
            }
        }
        boolean valid = verifier.isValid(hash, tx);
        synchronized (lock) {
            seen.remember(hash, valid ? Seen.VALID_SIGNATURE : Seen.BAD_SIGNATURE);
        }
        return valid;
    }

    /**
     * Under the lock: while an admission is verifying this very transaction (its gossip raced the
     * block), waits a little for its answer rather than verify it a second time.
     */
    private void awaitAdmission(Hash hash) {
        long deadline = System.nanoTime() + admissionWait.toNanos();
        long left;
        while (admitting.contains(hash) && (left = deadline - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public Optional<Transaction> get(Hash hash) {
        synchronized (lock) {
            return pool.get(hash).map(PendingTransaction::tx);
        }
    }

    public boolean contains(Hash hash) {
        synchronized (lock) {
            return pool.contains(hash);
        }
    }

    public int size() {
        synchronized (lock) {
            return pool.size();
        }
    }

    public long bytes() {
        synchronized (lock) {
            return pool.bytes();
        }
    }

    /** Every pending transaction, sender by sender in nonce order (for diagnostics and tests). */
    public List<Transaction> pending() {
        synchronized (lock) {
            return pool.all();
        }
    }

    /** The counters; pending, admitted, committed and dropped are read together, so they add up. */
    public MempoolStats stats() {
        SortedMap<String, Long> refusals = new TreeMap<>();
        refused.forEach((reason, count) -> refusals.put(reason, count.sum()));
        synchronized (lock) {
            return new MempoolStats(pool.size(), pool.bytes(), admitted.sum(), refusals,
                    committedCount.sum(), dropped.sum());
        }
    }
}
