package io.cairn.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.statemachine.DropReason;
import io.cairn.consensus.testing.Blocks;
import io.cairn.consensus.testing.CoreHarness;
import io.cairn.consensus.testing.TestMessages;
import io.cairn.crypto.Hash;
import org.junit.jupiter.api.Test;

/**
 * A faulty validator cannot grow the core's memory by sending many valid messages: early
 * messages are kept up to a share per sender, view changes only within the view window, and
 * honest validators' early messages still get through. Reference: PBFT section 4.2 (the
 * sequence-number window between the low and high water marks bounds the log).
 */
class FloodTest {
    private static final Hash A = Blocks.digest("A");
    private static final Hash B = Blocks.digest("B");
    private static final int FLOOD = 10_000;

    private final TestMessages messages = new TestMessages(4);

    @Test
    void tenThousandEarlyMessagesFromOneValidatorKeepOnlyItsShareAndHonestOnesStillCount() {
        CoreHarness harness = CoreHarness.of(4, 2, 10);
        harness.start();
        // Validator 3 sends COMMITs for every height and view in the windows, each for another block:
        // 4 heights x 17 views = 68 slots, more than its share of 64.
        for (int i = 0; i < FLOOD; i++) {
            long height = 2 + i % 4;
            long view = (i / 4) % 17;
            Ready ready = harness.deliver(messages.commit(height, view, Blocks.digest("F" + i), 3));
            assertThat(ready.isEmpty()).isTrue();
        }
        assertThat(harness.drops(DropReason.BUFFER_FULL)).isEqualTo(FLOOD - 64);
        assertThat(harness.core().drops()).containsOnlyKeys(DropReason.BUFFER_FULL);

        // Honest validators 0 and 1 are already at height 2, whose first primary is validator 1
        // ((2 - 1 + 0) mod 4); their early messages are kept.
        int primary = messages.validators().primary(2, 0);
        assertThat(primary).isEqualTo(1);
        harness.deliver(messages.prePrepare(2, 0, "B", primary));
        for (int sender : new int[] {0, 1}) {
            harness.deliver(messages.prepare(2, 0, B, sender));
            harness.deliver(messages.commit(2, 0, B, sender));
        }
        assertThat(harness.drops(DropReason.BUFFER_FULL)).isEqualTo(FLOOD - 64);

        decideHeightOne(harness);
        Ready next = harness.applied(1);
        assertThat(next.messages()).extracting(o -> o.message().type())
                .containsExactly(MessageType.PREPARE, MessageType.COMMIT);
        assertThat(next.decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.height()).isEqualTo(2);
            assertThat(decision.proposal().digest()).isEqualTo(B);
        });
    }

    @Test
    void viewChangesForFarViewsAreNotKeptAndOneValidatorCannotMoveTheView() {
        CoreHarness harness = CoreHarness.of(4, 1, 10);
        harness.start();
        int flood = 2_000;
        for (int view = 1; view <= flood; view++) {
            assertThat(harness.deliver(messages.viewChange(view, 1, 3)).isEmpty()).isTrue();
        }
        assertThat(harness.drops(DropReason.VIEW_TOO_FAR_AHEAD)).isEqualTo(flood - 16);
        assertThat(harness.core().view()).isZero();
        assertThat(harness.core().changingView()).isFalse();

        // One more validator asking for view 1 makes f + 1: join the smallest view asked for. Validator 1
        // is its primary and, with 3's view change for view 1 kept from the flood, has a quorum to start it.
        Ready ready = harness.deliver(messages.viewChange(1, 1, 0));
        assertThat(ready.messages()).extracting(o -> o.message().type(), o -> o.message().view())
                .containsExactly(tuple(MessageType.VIEW_CHANGE, 1L), tuple(MessageType.NEW_VIEW, 1L));
        assertThat(harness.core().view()).isEqualTo(1);
        assertThat(harness.core().changingView()).isFalse();
    }

    /** Validator 2 decides height 1 with validators 0 (its primary) and 1. */
    private void decideHeightOne(CoreHarness harness) {
        harness.deliver(messages.prePrepare(1, 0, "A", 0));
        for (int sender : new int[] {0, 1}) {
            harness.deliver(messages.prepare(1, 0, A, sender));
        }
        harness.deliver(messages.commit(1, 0, A, 0));
        Ready decided = harness.deliver(messages.commit(1, 0, A, 1));
        assertThat(decided.decisions()).singleElement().satisfies(decision -> assertThat(decision.height()).isEqualTo(1));
    }
}
