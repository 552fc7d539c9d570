package io.cairn.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.consensus.Ready.Outbound;
import io.cairn.consensus.messages.Commit;
import io.cairn.consensus.messages.CommitCertificate;
import io.cairn.consensus.messages.ConsensusMessage;
import io.cairn.consensus.messages.NewView;
import io.cairn.consensus.messages.PrePrepare;
import io.cairn.consensus.messages.Prepare;
import io.cairn.consensus.messages.Vote;
import io.cairn.consensus.testing.Blocks;
import io.cairn.consensus.testing.CoreHarness;
import io.cairn.consensus.testing.TestMessages;
import io.cairn.crypto.Hash;
import io.cairn.crypto.testing.RandomCases;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever the other validators send (all three may be faulty here) and however often the node
 * crashes, one core never signs two different blocks for one (type, height, view), every vote it
 * sends is already in the state it persisted, and where it is, (height, view) compared height first,
 * never goes back, not even below what it persisted. Views start again at 0 with each height, so
 * the view alone may go down. Reference: PBFT section 4.2 and 4.5 (a replica logs its messages
 * before sending; recovery must not contradict them).
 */
class RestartPropertyTest {
    private static final TestMessages MESSAGES = new TestMessages(4);

    @Test
    void aCoreNeverSignsTwoBlocksForOneSlotAcrossRestarts() {
        RandomCases.forAll("one block per (type, height, view), across restarts", 300, random -> new Run(random).go(50));
    }

    private static final class Run {
        private final Random random;
        private final CoreHarness harness;
        private final RandomTraffic traffic;
        private final Map<String, Hash> signed = new HashMap<>();
        private final List<Long> undecided = new ArrayList<>();
        private Position highest = new Position(0, 0);

        Run(Random random) {
            this.random = random;
            int self = random.nextInt(4);
            this.harness = CoreHarness.of(4, self, 4 + random.nextInt(12));
            this.traffic = new RandomTraffic(random, MESSAGES, self);
            harness.builder().propose(RandomTraffic.BLOCKS[random.nextInt(3)]);
        }

        void go(int steps) {
            observe(harness.start());
            for (int i = 0; i < steps; i++) {
                observe(next());
            }
        }

        private Ready next() {
            int pick = random.nextInt(100);
            if (pick < 6) {
                if (!undecided.isEmpty() && random.nextBoolean()) {
                    harness.storeDecided(undecided.get(0)); // stored, not acknowledged
                }
                undecided.clear();
                Position persisted = Position.of(harness.persisted().orElseThrow());
                Ready ready = harness.restart();
                assertThat(Position.of(harness.core())).as("(height, view) after restart").isGreaterThanOrEqualTo(persisted);
                return ready;
            } else if (pick < 20 && !undecided.isEmpty()) {
                return harness.applied(undecided.remove(0));
            } else if (pick < 32) {
                return harness.step(new Event.Tick());
            } else if (pick < 36) {
                harness.builder().propose(RandomTraffic.BLOCKS[random.nextInt(3)]);
                return harness.step(new Event.WorkPending(random.nextInt(4) > 0));
            } else if (pick < 37) {
                long height = harness.core().height();
                String block = RandomTraffic.BLOCKS[random.nextInt(3)];
                CommitCertificate certificate = MESSAGES.commits(height, random.nextInt(3), Blocks.digest(block), 0, 1, 2, 3);
                return harness.step(new Event.Synced(height, Blocks.bytes(block), certificate));
            }
            return harness.deliver(traffic.message(harness.core().height(), harness.core().view(), harness.core().changingView()));
        }

        private void observe(Ready ready) {
            ready.decisions().forEach(decision -> undecided.add(decision.height()));
            DurableState persisted = harness.persisted().orElseThrow();
            for (Outbound outbound : ready.messages()) {
                if (outbound.to().isPresent() && outbound.message() instanceof Commit) {
                    continue; // a certificate passed on to a validator still deciding its height: signed earlier
                }
                for (Vote vote : ownVotes(outbound.message(), harness.config().self())) {
                    String slot = vote.type() + " h" + vote.height() + " v" + vote.view();
                    Hash earlier = signed.putIfAbsent(slot, vote.digest());
                    assertThat(earlier == null || earlier.equals(vote.digest())).as("two blocks signed for %s", slot).isTrue();
                    // A vote of a (height, view) the state has already left may be forgotten: it is never signed again.
                    boolean onDisk = Position.of(persisted).compareTo(new Position(vote.height(), vote.view())) > 0
                            || (persisted.height() == vote.height()
                                    && persisted.signedDigest(vote.type(), vote.view()).equals(Optional.of(vote.digest())));
                    assertThat(onDisk).as("%s sent before it was persisted (%s)", slot, persisted).isTrue();
                }
            }
            Position now = Position.of(harness.core());
            assertThat(now).as("(height, view) never goes back").isGreaterThanOrEqualTo(highest);
            highest = now;
        }
    }

    /** Where a core is: height first, then the view within that height. */
    record Position(long height, long view) implements Comparable<Position> {
        static Position of(PbftCore core) {
            return new Position(core.height(), core.view());
        }

        static Position of(DurableState state) {
            return new Position(state.height(), state.view());
        }

        @Override
        public int compareTo(Position other) {
            return height != other.height ? Long.compare(height, other.height) : Long.compare(view, other.view);
        }
    }

    /** The block votes a message of this validator carries: its own PRE-PREPARE, PREPARE or COMMIT vote. */
    static List<Vote> ownVotes(ConsensusMessage message, int self) {
        if (message.sender() != self) {
            return List.of();
        } else if (message instanceof PrePrepare p) {
            return List.of(p.vote());
        } else if (message instanceof Prepare p) {
            return List.of(p.vote());
        } else if (message instanceof Commit c) {
            return List.of(c.vote());
        } else if (message instanceof NewView n) {
            return n.prePrepare().map(p -> List.of(p.vote())).orElse(List.of());
        }
        return List.of();
    }
}
