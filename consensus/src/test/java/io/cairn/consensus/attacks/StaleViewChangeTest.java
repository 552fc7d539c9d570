package io.cairn.consensus.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.consensus.Event;
import io.cairn.consensus.Ready;
import io.cairn.consensus.messages.Commit;
import io.cairn.consensus.messages.CommitCertificate;
import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.messages.ViewChange;
import io.cairn.consensus.testing.Blocks;
import io.cairn.consensus.testing.CoreHarness;
import io.cairn.consensus.testing.TestMessages;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A validator that missed the COMMITs of the last block learns the height was decided only from
 * messages for the next one; on an idle chain there are none. Before the fix its VIEW-CHANGE for
 * the decided height was dropped as stale by everyone, so it stayed behind for good. A node that
 * decided that height now answers such a VIEW-CHANGE with the COMMITs of its certificate, once per
 * validator (so replays cost nothing).
 */
class StaleViewChangeTest {
    private static final int LAGGING = 3;

    private final TestMessages messages = new TestMessages(4);

    @Test
    void aValidatorThatMissedTheLastCommitsCatchesUpOnAnIdleChain() {
        MiniNet net = new MiniNet(4, Set.of());
        net.start("A");
        // Only the lagging validator has more work; the COMMITs of height 1 to it are lost.
        for (int i = 0; i < LAGGING; i++) {
            net.node(i).builder().proposeNothing();
            net.handle(i, net.node(i).step(new Event.WorkPending(false)));
        }
        net.link = envelope -> envelope.to() != LAGGING || envelope.message().type() != MessageType.COMMIT;
        net.ticks(5);
        assertThat(net.node(0).core().height()).as("the others decided height 1").isEqualTo(2);
        assertThat(net.node(LAGGING).core().height()).isEqualTo(1);

        net.link = envelope -> true;
        assertThat(net.runUntil(() -> net.node(LAGGING).core().height() == 2, 10 * MiniNet.TIMEOUT_TICKS))
                .as("the lagging validator decides height 1 within 10 timeouts:%s", net.describe()).isTrue();
        assertThat(net.decided(LAGGING).get(1L).certificate().digest()).isEqualTo(Blocks.digest("A"));
        assertThat(net.disagreements()).isEmpty();
    }

    @Test
    void aViewChangeForTheHeightJustDecidedIsAnsweredWithItsCertificateOnce() {
        CoreHarness node = CoreHarness.of(4, 0, 10);
        node.start();
        CommitCertificate certificate = messages.commits(1, 0, Blocks.digest("A"), 0, 1, 2);
        node.step(new Event.Synced(1, Blocks.bytes("A"), certificate));
        node.applied(1);
        ViewChange stale = messages.viewChange(1, 1, LAGGING);

        List<Ready.Outbound> expected = certificate.votes().stream()
                .map(vote -> Ready.Outbound.to(LAGGING, new Commit(vote))).toList();
        assertThat(node.deliver(stale).messages()).containsExactlyElementsOf(expected);
        for (int i = 0; i < 100; i++) {
            assertThat(node.deliver(stale).messages()).as("replay %d", i).isEmpty();
        }
    }
}
