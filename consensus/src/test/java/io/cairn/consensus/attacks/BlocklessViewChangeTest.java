package io.cairn.consensus.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.consensus.Event;
import io.cairn.consensus.Ready;
import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.messages.NewView;
import io.cairn.consensus.messages.PreparedCertificate;
import io.cairn.consensus.messages.ViewChange;
import io.cairn.consensus.testing.Blocks;
import io.cairn.consensus.testing.CoreHarness;
import io.cairn.consensus.testing.TestMessages;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A VIEW-CHANGE may claim a prepared certificate and leave out the block (the block rides along
 * unsigned). Before the fix the new primary, bound to re-propose the block of the highest
 * prepared certificate, waited for bytes that never came: a Byzantine validator holding a genuine
 * certificate stalled every view of the height for ever. Such a VIEW-CHANGE is now invalid, since
 * an honest one always carries its block. Reference: PBFT section 4.4 (the new primary re-proposes
 * the request of the highest prepared certificate in its proof).
 */
class BlocklessViewChangeTest {
    private static final int BYZANTINE = 3;

    private final TestMessages messages = new TestMessages(4);
    /** Block X prepared at height 1 in view 0 (primary 0): PREPAREs of 0, 1 and 2, which the Byzantine overheard. */
    private final PreparedCertificate preparedX = messages.prepared(1, 0, Blocks.digest("X"), 0, 1, 2);

    @Test
    void aValidatorClaimingAPreparedBlockItDoesNotSendCannotStallTheHeight() {
        MiniNet net = new MiniNet(4, Set.of(BYZANTINE));
        // Before the network stabilises: the PRE-PREPARE of X reaches everyone, every PREPARE
        // between honest nodes is lost, so only the Byzantine validator sees X prepared.
        net.link = envelope -> false;
        net.tap = envelope -> {
            if (envelope.message().type() == MessageType.PRE_PREPARE) {
                net.inject(envelope.to(), envelope.message());
            }
        };
        net.start("X");
        net.tick();
        // Every honest node crashes and restarts: none of them holds the bytes of X any more.
        for (int i : net.honest()) {
            net.node(i).builder().propose("Y");
            net.handle(i, net.node(i).restart());
            net.handle(i, net.node(i).step(new Event.WorkPending(true)));
        }
        // The network heals. The Byzantine validator answers each new view change with its own,
        // for the same view, claiming X prepared without sending X.
        Set<Long> answered = new HashSet<>();
        net.link = envelope -> true;
        net.tap = envelope -> {
            if (envelope.message() instanceof ViewChange viewChange && answered.add(viewChange.newView())) {
                ViewChange blockless = messages.viewChange(viewChange.newView(), 1, Optional.empty(),
                        Optional.of(preparedX), new byte[0], BYZANTINE);
                net.honest().forEach(i -> net.inject(i, blockless));
            }
        };
        assertThat(net.runUntil(() -> net.allAtHeight(4), 500))
                .as("honest nodes decide three blocks within 500 ticks:%s", net.describe()).isTrue();
        assertThat(answered).as("the Byzantine validator answered view changes").isNotEmpty();
        assertThat(net.disagreements()).isEmpty();
    }

    @Test
    void theNewPrimaryProposesOnceAQuorumOfHonestViewChangesArrives() {
        CoreHarness primary = CoreHarness.of(4, 1, 10); // primary of view 1 at height 1
        primary.start();
        primary.builder().propose("Y");
        primary.step(new Event.WorkPending(true));
        primary.ticks(10);
        assertThat(primary.core().changingView()).isTrue();

        primary.deliver(messages.viewChange(1, 1, Optional.empty(), Optional.of(preparedX), new byte[0], BYZANTINE));
        primary.deliver(messages.viewChange(1, 1, 0));
        Ready ready = primary.deliver(messages.viewChange(1, 1, 2));

        List<NewView> newViews = ready.messages().stream().map(Ready.Outbound::message)
                .filter(NewView.class::isInstance).map(NewView.class::cast).toList();
        assertThat(newViews).as("NEW-VIEW sent with the honest view changes").hasSize(1);
        assertThat(newViews.get(0).prePrepare()).hasValueSatisfying(
                prePrepare -> assertThat(prePrepare.vote().digest()).isEqualTo(Blocks.digest("Y")));
        assertThat(newViews.get(0).viewChanges()).extracting(ViewChange::sender).containsExactly(0, 1, 2);
        assertThat(primary.core().changingView()).isFalse();
    }
}
