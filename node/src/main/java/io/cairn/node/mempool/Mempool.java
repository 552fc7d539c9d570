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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
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

    private final LongAdder admitted = new LongAdder();
    private final LongAdder committedCount = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();

    public Mempool(Genesis genesis, MempoolLimits limits) {
        this(genesis, limits, SignatureVerifier.ALWAYS);
    }

    /** With {@code verifier} doing the actual signature checks, so tests can count them. */
    Mempool(Genesis genesis, MempoolLimits limits, SignatureVerifier verifier) {
        this.rules = new TransactionRules(genesis);
        this.admission = new AdmissionCheck(limits);
        this.verifier = verifier;
        this.seen = new SeenHashes(limits.seenCapacity());
    }

    /** Admits a transaction in its canonical encoding, or says why not. */
    public Admission add(byte[] encoded, WorldState committed) {
        Transaction tx;
        try {
            tx = Transaction.decode(encoded);
        } catch (DecodeException e) {
            return count(new Admission.Refused(Admission.MALFORMED, e.getMessage()));
        }
        return admit(tx, Hash.of(encoded), encoded.length, committed); // canonical: these are tx.encode()
    }

    public Admission add(Transaction tx, WorldState committed) {
        return admit(tx, tx.hash(), tx.encodedSize(), committed);
    }

    private Admission admit(Transaction tx, Hash hash, int size, WorldState committed) {
        Optional<Rejection> form = rules.checkForm(tx);
        if (form.isPresent()) {
            return count(new Admission.Refused(form.get().reason().code(), form.get().message()));
        }
        Optional<Admission.Refused> copy;
        synchronized (lock) {
            copy = duplicate(hash); // most gossip is copies: spare them the state read
        }
        if (copy.isPresent()) {
            return count(copy.get());
        }
        Optional<Account> sender = committed.account(tx.sender()); // read outside the lock; checked again below
        Optional<Seen> known;
        synchronized (lock) {
            Optional<Admission.Refused> refusal = duplicate(hash).or(() -> admission.check(tx, size, sender, pool));
            if (refusal.isPresent()) {
                return count(refusal.get());
            }
            admitting.add(hash);
            known = seen.get(hash);
        }
        boolean valid = verifyReserved(hash, tx, known);
        synchronized (lock) {
            admitting.remove(hash);
            if (!valid) {
                seen.remember(hash, Seen.BAD_SIGNATURE);
                return count(new Admission.Refused(Reason.BAD_SIGNATURE.code(),
                        "the signature does not verify against the sender's key over the sign-bytes"));
            }
            // Again, now that the signature is known: others were admitted, or a block committed, meanwhile.
            Optional<Account> account = committed.account(tx.sender());
            Optional<Admission.Refused> refusal = duplicate(hash).or(() -> admission.check(tx, size, account, pool));
            if (refusal.isPresent()) {
                return count(refusal.get());
            }
            pool.add(new PendingTransaction(tx, hash, size), account.orElseThrow().nonce());
            admitted.increment(); // with the pool, so that stats() always adds up
        }
        return new Admission.Admitted(hash);
    }

    /** The signature check of a transaction reserved in {@link #admitting}, outside the lock. */
    private boolean verifyReserved(Hash hash, Transaction tx, Optional<Seen> known) {
        try {
            return known.isPresent() ? known.get() != Seen.BAD_SIGNATURE : verifier.isValid(hash, tx);
        } catch (RuntimeException e) {
            synchronized (lock) {
                admitting.remove(hash);
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

    private Admission count(Admission.Refused refusal) {
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
                for (PendingTransaction gone : pool.recheck(account, committed)) {
                    seen.remember(gone.hash(), Seen.VALID_SIGNATURE);
                    invalid++;
                }
            }
            committedCount.add(left);
            dropped.add(invalid);
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
