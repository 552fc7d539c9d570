package io.cairn.node.mempool;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.crypto.Hash;
import io.cairn.crypto.KeyPair;
import io.cairn.crypto.PublicKey;
import io.cairn.crypto.testing.RandomCases;
import io.cairn.ledger.Account;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Operation.Grant;
import io.cairn.ledger.Operation.Put;
import io.cairn.ledger.Operation.Revoke;
import io.cairn.ledger.Operation.Transfer;
import io.cairn.ledger.Permission;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.state.ProposedBlock;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of admissions (good, forged, repeated, malformed), blocks (from the mempool,
 * sometimes with another node's transactions first) and removals, on a real ledger: after every
 * step the counts match what is pending, every pending transaction could still enter a block,
 * and the candidates are exactly each sender's run of consecutive nonces.
 */
class MempoolInvariantsTest {
    private static final Genesis GENESIS = TestGenesis.of(1, 3);
    private static final List<KeyPair> SENDERS = List.of(TestKeys.account(0), TestKeys.account(1), TestKeys.account(2),
            TestKeys.admin(), TestKeys.stranger());
    private static final int WINDOW = 5;
    private static final MempoolLimits LIMITS = new MempoolLimits(8, 1_500, WINDOW, 64);
    private static final Set<String> REASONS = Set.of("malformed", "duplicate", "unknown_sender", "not_permitted",
            "nonce_too_low", "nonce_too_high", "nonce_taken", "insufficient_balance", "mempool_full", "bad_signature");

    @Test
    void countsCandidatesAndValidityHoldAfterAnySequence() {
        RandomCases.forAll("mempool invariants", 40, random -> {
            try (ChainFixture chain = new ChainFixture(GENESIS, LIMITS)) {
                List<Transaction> offered = new ArrayList<>();
                for (int step = 0; step < 40; step++) {
                    int roll = random.nextInt(100);
                    if (roll < 65) {
                        offer(chain, random, offered);
                    } else if (roll < 90) {
                        commitBlock(chain, random);
                    } else {
                        removeSome(chain, random);
                    }
                    checkInvariants(chain);
                }
            }
        });
    }

    private static void offer(ChainFixture chain, Random random, List<Transaction> offered) {
        Admission admission;
        int kind = random.nextInt(20);
        if (kind == 0) {
            admission = chain.mempool.add(RandomCases.bytes(random, 200), chain.store);
        } else if (kind < 3 && !offered.isEmpty()) {
            admission = chain.add(offered.get(random.nextInt(offered.size())));
        } else {
            KeyPair sender = SENDERS.get(random.nextInt(10) == 0 ? 4 : random.nextInt(4));
            long base = chain.store.account(sender.publicKey()).map(Account::nonce).orElse(0L);
            int aside = random.nextInt(10); // mostly near the next nonce, sometimes just outside the window
            long nonce = aside == 0 ? Math.max(0, base - 1) : aside == 1 ? base + WINDOW : base + random.nextInt(3);
            Transaction tx = Transaction.sign(GENESIS.chainId(), sender, nonce, operation(random, sender));
            if (kind < 5) {
                tx = new Transaction(tx.chainId(), tx.sender(), tx.nonce(), operation(random, sender),
                        Transaction.sign(GENESIS.chainId(), sender, nonce + 1, tx.operation()).signature());
            }
            offered.add(tx);
            admission = chain.add(tx);
        }
        if (admission instanceof Admission.Refused refused) {
            assertThat(REASONS).as("reason of %s", refused).contains(refused.reason());
        } else {
            assertThat(chain.mempool.contains(((Admission.Admitted) admission).hash())).isTrue();
        }
    }

    private static Operation operation(Random random, KeyPair sender) {
        KeyPair other = SENDERS.get(random.nextInt(3));
        if (sender.equals(TestKeys.admin())) {
            Permission permission = random.nextBoolean() ? Permission.PUT : Permission.TRANSFER;
            return random.nextBoolean()
                    ? new Grant(other.publicKey(), permission) : new Revoke(other.publicKey(), permission);
        }
        if (random.nextInt(3) == 0) {
            return new Put(new byte[] {(byte) random.nextInt(4)}, RandomCases.bytes(random, 150));
        }
        long amount = random.nextBoolean() ? 1 + random.nextInt(1_000) : 100_000_000L * (1 + random.nextInt(6));
        return new Transfer(other.publicKey(), amount);
    }

    /** A block from the candidates, sometimes after a transaction this node never saw, as another proposer's. */
    private static void commitBlock(ChainFixture chain, Random random) {
        List<Transaction> block = new ArrayList<>();
        if (random.nextInt(4) == 0) {
            KeyPair sender = SENDERS.get(random.nextInt(3));
            long nonce = chain.store.account(sender.publicKey()).orElseThrow().nonce();
            block.add(Transaction.sign(GENESIS.chainId(), sender, nonce, operation(random, sender)));
        }
        block.addAll(chain.mempool.candidates(chain.store, 1 + random.nextInt(8), 150 + random.nextInt(2_000)));
        ProposedBlock proposed = chain.propose(block);
        chain.commit(proposed);
        for (Transaction included : proposed.block().transactions()) {
            assertThat(chain.mempool.contains(included.hash())).isFalse();
        }
    }

    private static void removeSome(ChainFixture chain, Random random) {
        List<Hash> hashes = new ArrayList<>();
        for (Transaction tx : chain.mempool.pending()) {
            if (random.nextInt(3) == 0) {
                hashes.add(tx.hash());
            }
        }
        chain.mempool.remove(hashes);
        hashes.forEach(hash -> assertThat(chain.mempool.contains(hash)).isFalse());
    }

    private static void checkInvariants(ChainFixture chain) {
        List<Transaction> pending = chain.mempool.pending();
        assertThat(chain.mempool.size()).isEqualTo(pending.size());
        assertThat(chain.mempool.bytes()).isEqualTo(pending.stream().mapToLong(Transaction::encodedSize).sum());
        MempoolStats stats = chain.mempool.stats();
        assertThat(stats.admitted()).as("admitted = pending + committed + dropped")
                .isEqualTo(pending.size() + stats.committed() + stats.dropped());
        assertThat(pending.size()).isLessThanOrEqualTo(LIMITS.maxTransactions());
        assertThat(chain.mempool.bytes()).isLessThanOrEqualTo(LIMITS.maxBytes());

        Map<PublicKey, TreeMap<Long, Transaction>> bySender = new HashMap<>();
        for (Transaction tx : pending) {
            assertThat(chain.mempool.get(tx.hash())).contains(tx);
            Transaction other = bySender.computeIfAbsent(tx.sender(), key -> new TreeMap<>()).put(tx.nonce(), tx);
            assertThat(other).as("two pending with one nonce").isNull();
        }
        List<Transaction> expectedCandidates = new ArrayList<>();
        bySender.forEach((sender, queue) -> {
            Account account = chain.store.account(sender).orElseThrow();
            long spends = 0;
            for (Transaction tx : queue.values()) {
                assertThat(tx.nonce()).isBetween(account.nonce(), account.nonce() + WINDOW - 1);
                assertThat(account.has(tx.operation().requiredPermission())).as("permitted: %s", tx).isTrue();
                spends += tx.operation() instanceof Transfer transfer ? transfer.amount() : 0;
            }
            assertThat(spends).as("pending transfers of %s", sender).isLessThanOrEqualTo(account.balance());
            for (long nonce = account.nonce(); queue.containsKey(nonce); nonce++) {
                expectedCandidates.add(queue.get(nonce));
            }
        });
        List<Transaction> candidates = chain.mempool.candidates(chain.store, Integer.MAX_VALUE, Long.MAX_VALUE);
        assertThat(candidates).containsExactlyInAnyOrderElementsOf(expectedCandidates);
        Map<PublicKey, Long> lastNonce = new HashMap<>();
        for (Transaction tx : candidates) {
            Long previous = lastNonce.put(tx.sender(), tx.nonce());
            if (previous != null) {
                assertThat(tx.nonce()).as("candidates in nonce order").isEqualTo(previous + 1);
            }
        }
        assertThat(chain.mempool.hasIncludable(chain.store)).isEqualTo(!candidates.isEmpty());
    }
}
