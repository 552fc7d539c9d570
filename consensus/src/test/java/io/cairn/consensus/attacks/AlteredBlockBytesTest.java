package io.cairn.consensus.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.consensus.Event;
import io.cairn.consensus.Ready;
import io.cairn.consensus.messages.ConsensusMessage;
import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.messages.NewView;
import io.cairn.consensus.messages.PrePrepare;
import io.cairn.consensus.messages.Prepare;
import io.cairn.consensus.messages.ViewChange;
import io.cairn.consensus.testing.Blocks;
import io.cairn.consensus.testing.CoreHarness;
import io.cairn.consensus.testing.TestMessages;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A PRE-PREPARE's block travels unsigned beside the primary's signed digest, so anyone relaying it
 * can swap the bytes and keep the genuine signature. Before the fix a backup took such a copy for
 * an invalid proposal by the primary and changed view; a Byzantine relay doing it to every block
 * kept the chain changing views for ever. Bytes that do not hash to the signed digest are now
 * dropped without blaming anyone, and the genuine copy counts when it comes. Reference: PBFT
 * section 4.2 (a backup accepts a PRE-PREPARE whose digest is the request's).
 */
class AlteredBlockBytesTest {
    private static final int BYZANTINE = 3;
    private static final byte[] JUNK = "not the block that was signed".getBytes(StandardCharsets.UTF_8);

    private final TestMessages messages = new TestMessages(4);

    @Test
    void aRelayThatAltersEveryBlockDoesNotStopTheChain() {
        MiniNet net = new MiniNet(4, Set.of(BYZANTINE));
        Map<MessageType, Integer> altered = new EnumMap<>(MessageType.class);
        // The Byzantine relay forwards every honest proposal, alone or in a NEW-VIEW, with other
        // bytes under the same signature, ahead of the genuine copy.
        net.tap = envelope -> alter(envelope.message()).ifPresent(copy -> {
            if (envelope.to() != BYZANTINE) {
                altered.merge(copy.type(), 1, Integer::sum);
                net.inject(envelope.to(), copy);
            }
        });
        net.start("A");
        assertThat(net.runUntil(() -> net.allAtHeight(11), 200))
                .as("honest nodes decide ten blocks within 200 ticks:%s", net.describe()).isTrue();
        assertThat(altered).as("altered copies delivered, by type").containsOnlyKeys(MessageType.PRE_PREPARE,
                MessageType.NEW_VIEW);
        for (int i : net.honest()) {
            Map<Long, Long> views = new TreeMap<>();
            Map<Long, Long> expected = new TreeMap<>();
            net.decided(i).forEach((height, decision) -> {
                views.put(height, decision.certificate().view());
                expected.put(height, messages.validators().primary(height, 0) == BYZANTINE ? 1L : 0L);
            });
            assertThat(views).as("node %d: the view of each block, by height; no view change but for the silent"
                    + " Byzantine primary", i).isEqualTo(expected);
        }
        assertThat(net.disagreements()).isEmpty();
    }

    @Test
    void anAlteredProposalChangesNothingAndTheGenuineOneIsStillPrepared() {
        CoreHarness backup = CoreHarness.of(4, 2, 10);
        backup.start();
        PrePrepare genuine = messages.prePrepare(1, 0, "A", 0);

        Ready afterAltered = backup.deliver(new PrePrepare(genuine.vote(), JUNK));
        assertThat(afterAltered.messages()).as("no VIEW-CHANGE, no PREPARE").isEmpty();
        assertThat(backup.core().view()).isZero();
        assertThat(backup.core().changingView()).isFalse();

        assertThat(sent(backup.deliver(genuine))).containsExactly(messages.prepare(1, 0, Blocks.digest("A"), 2));
    }

    @Test
    void aNewViewWithAlteredBytesChangesNothingAndTheGenuineOneIsEntered() {
        CoreHarness backup = CoreHarness.of(4, 2, 10);
        backup.start();
        backup.step(new Event.WorkPending(true));
        backup.ticks(10); // times out in view 0: changing to view 1, whose primary is validator 1
        assertThat(backup.core().changingView()).isTrue();
        List<ViewChange> proof = List.of(messages.viewChange(1, 1, 0), messages.viewChange(1, 1, 1),
                messages.viewChange(1, 1, 2));
        PrePrepare proposal = messages.prePrepare(1, 1, "B", 1);
        NewView genuine = messages.newView(1, 1, proof, Optional.of(proposal), 1);

        Ready afterAltered = backup.deliver(alter(genuine).orElseThrow());
        assertThat(afterAltered.messages()).as("no VIEW-CHANGE for view 2, no PREPARE").isEmpty();
        assertThat(backup.core().view()).isEqualTo(1);
        assertThat(backup.core().changingView()).as("still waiting for the genuine NEW-VIEW").isTrue();

        assertThat(sent(backup.deliver(genuine))).containsExactly(messages.prepare(1, 1, Blocks.digest("B"), 2));
        assertThat(backup.core().changingView()).isFalse();
    }

    @Test
    void anAlteredEarlyProposalDoesNotTakeTheGenuineOnesPlaceInTheInbox() {
        CoreHarness backup = CoreHarness.of(4, 2, 10);
        backup.start();
        PrePrepare genuine = messages.prePrepare(2, 0, "B", 1); // validator 1 is the primary at height 2
        backup.deliver(new PrePrepare(genuine.vote(), JUNK));
        backup.deliver(genuine);
        assertThat(backup.core().height()).isEqualTo(1);

        // Height 1 is decided (here through sync); the early messages for height 2 now apply.
        backup.step(new Event.Synced(1, Blocks.bytes("A"), messages.commits(1, 0, Blocks.digest("A"), 0, 1, 3)));
        Ready atHeight2 = backup.applied(1);
        assertThat(sent(atHeight2)).containsExactly(messages.prepare(2, 0, Blocks.digest("B"), 2));
        assertThat(backup.core().view()).isZero();
        assertThat(backup.core().changingView()).isFalse();
    }

    /** The same message with the block bytes swapped, the signature untouched. */
    private static Optional<ConsensusMessage> alter(ConsensusMessage message) {
        if (message instanceof PrePrepare prePrepare) {
            return Optional.of(new PrePrepare(prePrepare.vote(), JUNK));
        }
        if (message instanceof NewView newView && newView.prePrepare().isPresent()) {
            return Optional.of(new NewView(newView.view(), newView.height(), newView.viewChanges(),
                    Optional.of(new PrePrepare(newView.prePrepare().get().vote(), JUNK)), newView.sender(),
                    newView.signature()));
        }
        return Optional.empty();
    }

    private static List<Prepare> sent(Ready ready) {
        return ready.messages().stream().map(Ready.Outbound::message)
                .filter(message -> message.type() == MessageType.PREPARE).map(Prepare.class::cast).toList();
    }
}
