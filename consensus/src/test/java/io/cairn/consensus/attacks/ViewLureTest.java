package io.cairn.consensus.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.messages.Prepare;
import io.cairn.consensus.messages.Vote;
import io.cairn.consensus.testing.Blocks;
import io.cairn.consensus.testing.TestMessages;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A Byzantine validator signs one vote at a view near Long.MAX_VALUE (a u63 the codec accepts).
 * Before the fix an honest node waiting for a quorum of view changes took it as "the lowest view
 * someone asks for" and moved there; with f + 1 validators seen there the others joined, and the
 * window checks ({@code view + futureViews}) overflowed, so every later view change was dropped as
 * too far ahead: the chain halted for good. Views above 2^40 are now dropped, and a node only
 * follows validated view changes within its window. Reference: PBFT section 4.5.2 (liveness:
 * a node joins a view only on f + 1 requests).
 */
class ViewLureTest {
    private static final int BYZANTINE = 3;
    private static final long HUGE_VIEW = Long.MAX_VALUE - 1;
    /** Far above any view an honest run reaches here, far below the lure. */
    private static final long SANE_VIEW = 64;

    private final TestMessages messages = new TestMessages(4);

    @Test
    void aLureSentDuringAPartitionDoesNotStopTheChainOnceItHeals() {
        MiniNet net = new MiniNet(4, Set.of(BYZANTINE));
        net.start("A");
        // Before the network stabilises, validator 0 is cut off from 1 and 2, times out alone and
        // waits for a quorum of view changes; the lure reaches it there.
        net.link = envelope -> (envelope.from() == 0) == (envelope.to() == 0);
        net.inject(0, lure());
        net.ticks(10 * MiniNet.TIMEOUT_TICKS);

        net.link = envelope -> true;
        net.inject(1, lure());
        net.inject(2, lure());
        assertThat(net.runUntil(() -> net.allAtHeight(6), 500))
                .as("honest nodes decide five blocks within 500 ticks after healing:%s", net.describe()).isTrue();
        assertThat(net.highestViewSent()).as("the highest view any honest node asked for").isLessThan(SANE_VIEW);
        assertThat(net.disagreements()).isEmpty();
    }

    @Test
    void aByzantinePrimaryAndOneVoteDoNotStopAHealthyNetwork() {
        int primary = 0; // of view 0 at height 1
        MiniNet net = new MiniNet(4, Set.of(primary));
        net.start(null);
        // A valid block to validator 1 alone, which therefore times out alone, and the lure.
        net.inject(1, messages.prePrepare(1, 0, "Z", primary));
        net.inject(1, lure(primary));
        net.ticks(7 * MiniNet.TIMEOUT_TICKS);
        net.inject(2, lure(primary));
        net.inject(3, lure(primary));
        net.ticks(3 * MiniNet.TIMEOUT_TICKS);

        net.honest().forEach(i -> net.offerWork(i, "W"));
        assertThat(net.runUntil(() -> net.allAtHeight(6), 500))
                .as("honest nodes decide five blocks within 500 ticks:%s", net.describe()).isTrue();
        assertThat(net.highestViewSent()).as("the highest view any honest node asked for").isLessThan(SANE_VIEW);
        assertThat(net.disagreements()).isEmpty();
    }

    private Prepare lure() {
        return lure(BYZANTINE);
    }

    /** One PREPARE, validly signed by {@code byzantine}, at a view no honest run could reach. */
    private Prepare lure(int byzantine) {
        Vote vote = messages.vote(MessageType.PREPARE, 1, HUGE_VIEW, Blocks.digest("A"), byzantine);
        return new Prepare(vote, vote.signature());
    }
}
