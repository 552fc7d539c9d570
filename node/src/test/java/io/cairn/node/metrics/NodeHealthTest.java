package io.cairn.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.node.chain.ConsensusDriver.Position;
import io.cairn.rpc.api.Health;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The four health states, from what the node reads at the moment of the check. */
class NodeHealthTest {
    private static final long STALL_AFTER = 10_000;

    private final FakeReadings node = new FakeReadings();
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final AtomicLong lastCommit = new AtomicLong(1_000_000);
    private final NodeHealth health = new NodeHealth(node, lastCommit::get, clock::get, STALL_AFTER);

    @Test
    void aNodeThatCommitsWithItsPeersIsInConsensus() {
        node.height = 12;
        node.position = new Position(13, 2, 1, false);
        node.peerHeights = Map.of(0, 12L, 2, 11L);
        clock.addAndGet(STALL_AFTER * 5); // a quiet network: no peer is ahead, so this is no stall
        Health answer = health.check();
        assertThat(answer.ok()).isTrue();
        assertThat(answer.state()).isEqualTo("consensus");
        assertThat(answer.detail()).isEqualTo("in consensus at height 12, view 2");
    }

    @Test
    void aNodeFetchingBlocksIsSyncingAndOk() {
        node.height = 3;
        node.syncing = true;
        node.peerHeights = Map.of(0, 40L);
        clock.addAndGet(STALL_AFTER * 5); // however long it takes
        Health answer = health.check();
        assertThat(answer.ok()).isTrue();
        assertThat(answer.state()).isEqualTo("syncing");
        assertThat(answer.detail()).contains("at height 3").contains("peers are at 40");
    }

    @Test
    void aNodeBehindItsPeersThatHasNotCommittedForLongAndIsNotSyncingIsStalled() {
        node.height = 3;
        node.peerHeights = Map.of(0, 9L, 2, 40L, 3, 3L);
        clock.addAndGet(STALL_AFTER);
        Health answer = health.check();
        assertThat(answer.ok()).isFalse();
        assertThat(answer.state()).isEqualTo("stalled");
        assertThat(answer.detail()).contains("no block committed for 10 s at height 3")
                .contains("validator 2 reports height 40").contains("not syncing");
    }

    @Test
    void beingBehindIsNoStallUntilTheNodeHasGoneLongWithoutACommit() {
        node.height = 3;
        node.peerHeights = Map.of(0, 4L);
        clock.addAndGet(STALL_AFTER - 1); // a peer one block ahead is ordinary: it committed first
        assertThat(health.check().state()).isEqualTo("consensus");

        clock.addAndGet(1);
        assertThat(health.check().state()).isEqualTo("stalled");

        lastCommit.set(clock.get()); // it commits again
        node.height = 4;
        assertThat(health.check().state()).isEqualTo("consensus");
    }

    @Test
    void aNodeWhoseConsensusFailedIsStoppedWhateverElseHolds() {
        node.height = 7;
        node.syncing = true;
        node.failure = Optional.of(new IllegalStateException("block 8 is final but does not apply here: state root"));
        Health answer = health.check();
        assertThat(answer.ok()).isFalse();
        assertThat(answer.state()).isEqualTo("stopped");
        assertThat(answer.detail()).isEqualTo("consensus stopped after height 7: block 8 is final but does not"
                + " apply here: state root; see the log");
    }

    @Test
    void aFailureWithoutAMessageIsNamedByItsType() {
        node.failure = Optional.of(new OutOfMemoryError());
        assertThat(health.check().detail()).contains(": OutOfMemoryError; see the log");
    }

    @Test
    void aStallThresholdThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> new NodeHealth(node, lastCommit::get, clock::get, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stallAfterMillis must be positive");
    }
}
