package io.cairn.node.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.consensus.DurableState;
import io.cairn.consensus.messages.VoteMessage;
import io.cairn.crypto.encoding.DecodeException;
import io.cairn.ledger.ChainHead;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Transaction;
import io.cairn.node.wire.NodeMessage;
import io.cairn.node.wire.NodeMessageCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.LongStream;

/**
 * Validators in one process, fully connected by an outbox that hands each payload straight to
 * the target (which only enqueues it). Validators can be cut off and joined again. On every
 * send it checks the driver's first duty: a validator's own vote is in its stored consensus state
 * before the vote leaves.
 */
final class InProcessNetwork implements AutoCloseable {
    static final int STATUS_EVERY_TICKS = 10;

    final List<InProcessValidator> validators = new ArrayList<>();
    /** What went wrong on the consensus threads, where an assertion would only stop a driver. */
    final Queue<String> problems = new ConcurrentLinkedQueue<>();
    private final Set<Integer> cut = ConcurrentHashMap.newKeySet();
    private long ticks;

    InProcessNetwork(Genesis genesis, int timeoutTicks, Optional<Path> voteLogs) throws Exception {
        for (int i = 0; i < genesis.validators().size(); i++) {
            Optional<VoteLog> voteLog = voteLogs.isPresent()
                    ? Optional.of(VoteLog.append(voteLogs.get().resolve("votes-" + i + ".log"), i)) : Optional.empty();
            validators.add(new InProcessValidator(genesis, i, timeoutTicks, this, voteLog));
        }
    }

    InProcessValidator validator(int index) {
        return validators.get(index);
    }

    void start() {
        validators.forEach(validator -> validator.driver.start());
    }

    /** One tick everywhere, and every few ticks each validator's committed height to the others. */
    void tick() {
        ticks++;
        for (InProcessValidator validator : validators) {
            validator.tick();
            if (ticks % STATUS_EVERY_TICKS == 0) {
                broadcast(validator.index, NodeMessageCodec.encode(
                        new NodeMessage.Status(validator.store.head().height())));
            }
        }
    }

    /**
     * Ticks from the calling thread until {@code group} agrees: the same head, every one of
     * {@code transactions} committed, empty mempools, the consensus state of the next height saved,
     * and every committed block reported. A driver that stopped fails at once.
     */
    void awaitOneChainWith(List<InProcessValidator> group, List<Transaction> transactions) {
        await().atMost(Duration.ofSeconds(20)).pollInSameThread().pollInterval(Duration.ofMillis(10))
                .untilAsserted(() -> {
                    tick();
                    assertOneChainWith(group, transactions);
                });
    }

    private static void assertOneChainWith(List<InProcessValidator> group, List<Transaction> transactions)
            throws DecodeException {
        for (InProcessValidator validator : group) {
            validator.driver.failure().ifPresent(failure -> {
                throw new IllegalStateException("validator " + validator.index + " stopped", failure);
            });
        }
        ChainHead head = group.get(0).store.head();
        for (InProcessValidator validator : group) {
            assertThat(validator.store.head()).as("head of validator %d", validator.index).isEqualTo(head);
            for (Transaction tx : transactions) {
                assertThat(validator.store.receipt(tx.hash())).as("%s at validator %d", tx, validator.index)
                        .isPresent();
            }
            assertThat(validator.mempool.size()).as("mempool of validator %d", validator.index).isZero();
            byte[] saved = validator.store.consensusState().orElseThrow();
            assertThat(DurableState.decode(saved)).as("consensus state saved by validator %d", validator.index)
                    .isEqualTo(DurableState.initial(head.height() + 1));
            assertThat(validator.committed).as("blocks reported by validator %d", validator.index)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, head.height())
                            .mapToObj(height -> validator.store.block(height).orElseThrow()).toList());
        }
    }

    /**
     * Puts {@code transactions} in the mempools of {@code group}, as gossip does, before any of them
     * is woken: otherwise one could commit them before the others admit them, which then refuse them
     * as committed.
     */
    static void gossip(List<InProcessValidator> group, List<Transaction> transactions) {
        group.forEach(validator -> validator.admit(transactions));
        group.forEach(validator -> validator.driver.workChanged());
    }

    void cutOff(int validator) {
        cut.add(validator);
    }

    void rejoin(int validator) {
        cut.remove(validator);
    }

    ConsensusDriver.Outbox outbox(int from) {
        return new ConsensusDriver.Outbox() {
            @Override
            public void send(int validator, byte[] payload) {
                checkPersisted(from, payload);
                InProcessNetwork.this.send(from, validator, payload);
            }

            @Override
            public void broadcast(byte[] payload) {
                checkPersisted(from, payload);
                InProcessNetwork.this.broadcast(from, payload);
            }
        };
    }

    void broadcast(int from, byte[] payload) {
        for (int to = 0; to < validators.size(); to++) {
            if (to != from) {
                send(from, to, payload);
            }
        }
    }

    /** False when the two are not connected, as the p2p network says of a peer it has no session with. */
    boolean send(int from, int to, byte[] payload) {
        if (cut.contains(from) || cut.contains(to)) {
            return false;
        }
        try {
            validators.get(to).receive(from, payload);
        } catch (DecodeException | RuntimeException e) {
            problems.add("validator " + to + " could not take a payload from " + from + ": " + e);
        }
        return true;
    }

    /** A validator's own vote for the height it is deciding must be in its store before it is sent. */
    private void checkPersisted(int from, byte[] payload) {
        try {
            if (NodeMessageCodec.decode(payload) instanceof NodeMessage.Consensus consensus
                    && consensus.message() instanceof VoteMessage vote && vote.sender() == from) {
                DurableState stored = DurableState.decode(validators.get(from).store.consensusState().orElseThrow());
                boolean persisted = stored.height() > vote.height() // a decided height's votes, sent again
                        || stored.height() == vote.height()
                        && stored.signedDigest(vote.type(), vote.view()).equals(Optional.of(vote.vote().digest()));
                if (!persisted) {
                    problems.add("validator " + from + " sent " + vote.type() + " at height " + vote.height()
                            + " view " + vote.view() + " before persisting it");
                }
            }
        } catch (DecodeException | RuntimeException e) {
            problems.add("validator " + from + " sent or stored something unreadable: " + e);
        }
    }

    @Override
    public void close() {
        validators.forEach(InProcessValidator::close);
    }
}
