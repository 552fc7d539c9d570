package io.cairn.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.consensus.Ready.Outbound;
import io.cairn.consensus.messages.CommitCertificate;
import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.messages.PrePrepare;
import io.cairn.consensus.messages.ViewChange;
import io.cairn.consensus.statemachine.DropReason;
import io.cairn.consensus.testing.Blocks;
import io.cairn.consensus.testing.CoreHarness;
import io.cairn.consensus.testing.TestMessages;
import io.cairn.consensus.testing.TestValidators;
import io.cairn.crypto.Hash;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A core rebuilt from what it persisted never contradicts what it sent before the crash.
 * Reference: PBFT section 4.2 and 4.5 (replicas log what they send; a recovered replica must not
 * send conflicting messages) and section 4.4 (views only move forward within a height; the next
 * height starts again at view 0).
 */
class RestartSafetyTest {
    private static final Hash A = Blocks.digest("A");

    private final TestMessages messages = new TestMessages(4);

    @Test
    void aBackupThatPreparedSendsTheSameVoteAgainAndNoneForAnotherBlock() {
        CoreHarness harness = CoreHarness.of(4, 1, 10);
        harness.start();
        List<Outbound> before = harness.deliver(messages.prePrepare(1, 0, "A", 0)).messages();

        assertThat(harness.restart().isEmpty()).as("nothing to do: the state on disk is current").isTrue();
        Ready again = harness.deliver(messages.prePrepare(1, 0, "A", 0));
        assertThat(again.messages()).isEqualTo(before);
        assertThat(again.persist()).isEmpty();

        harness.restart();
        Ready other = harness.deliver(messages.prePrepare(1, 0, "B", 0));
        assertThat(other.isEmpty()).isTrue();
        assertThat(harness.drops(DropReason.REFUSED_DOUBLE_SIGN)).isEqualTo(1);
    }

    @Test
    void aPrimaryThatProposedProposesNothingElseInThatView() {
        CoreHarness harness = CoreHarness.of(4, 0, 10);
        harness.builder().propose("A");
        harness.start();
        Ready proposed = harness.step(new Event.WorkPending(true));
        assertThat(((PrePrepare) proposed.messages().get(0).message()).vote().digest()).isEqualTo(A);

        harness.restart();
        harness.builder().propose("B");
        assertThat(harness.step(new Event.WorkPending(true)).isEmpty()).isTrue();
        assertThat(harness.core().view()).isZero();
    }

    @Test
    void aValidatorChangingViewRestartsInThatViewAndSendsItsViewChangeAgain() {
        CoreHarness harness = CoreHarness.of(4, 2, 10);
        harness.start();
        harness.deliver(messages.prePrepare(1, 0, "A", 0));
        harness.deliver(messages.prepare(1, 0, A, 0));
        harness.deliver(messages.prepare(1, 0, A, 1));
        harness.step(new Event.WorkPending(true));
        List<Outbound> viewChange = last(harness.ticks(10)).messages();
        assertThat(viewChange).singleElement().extracting(o -> o.message().type()).isEqualTo(MessageType.VIEW_CHANGE);
        assertThat(((ViewChange) viewChange.get(0).message()).prepared()).isPresent();

        Ready resumed = harness.restart();
        assertThat(resumed.messages()).isEqualTo(viewChange);
        assertThat(harness.core().view()).isEqualTo(harness.persisted().orElseThrow().view()).isEqualTo(1);
        assertThat(harness.core().changingView()).isTrue();
    }

    @Test
    void aViewJoinedFromOthersSurvivesARestart() {
        CoreHarness harness = CoreHarness.of(4, 0, 10);
        harness.start();
        harness.deliver(messages.viewChange(5, 1, 2));
        harness.deliver(messages.viewChange(6, 1, 3));
        assertThat(harness.core().view()).isEqualTo(5);
        harness.restart();
        assertThat(harness.core().view()).isEqualTo(5);
        assertThat(harness.core().changingView()).isTrue();
    }

    @Test
    void refusesAStateAheadOfTheStore() {
        CoreHarness harness = CoreHarness.of(4, 1, 10);
        harness.storeAt(1, messages.commits(1, 0, A, 0, 2, 3));
        DurableState ahead = new DurableState(3, 4, false, List.of(), Optional.empty(), new byte[0]);
        assertThatThrownBy(() -> harness.restartFrom(ahead)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the consensus state is at height 3 but the chain ends at 1: the store lost committed blocks");
    }

    @Test
    void aCrashAfterStoringADecidedBlockResumesAtTheNextHeightInViewZero() {
        CoreHarness harness = CoreHarness.of(4, 1, 10);
        harness.start();
        harness.deliver(messages.viewChange(2, 1, 2));
        harness.deliver(messages.viewChange(2, 1, 3));
        harness.deliver(messages.newView(2, 1, List.of(messages.viewChange(2, 1, 1), messages.viewChange(2, 1, 2),
                messages.viewChange(2, 1, 3)), Optional.of(messages.prePrepare(1, 2, "A", 2)), 2));
        harness.deliver(messages.prepare(1, 2, A, 2));
        harness.deliver(messages.prepare(1, 2, A, 3));
        harness.deliver(messages.commit(1, 2, A, 2));
        assertThat(harness.deliver(messages.commit(1, 2, A, 3)).decisions()).hasSize(1);
        assertThat(harness.persisted().orElseThrow().view()).isEqualTo(2);

        harness.storeDecided(1); // stored, then the crash: never acknowledged
        Ready resumed = harness.restart();
        // Views are per height: (1, 2) persisted, (2, 0) resumed, which is ahead, as if the block had been acknowledged.
        assertThat(resumed.persist()).hasValue(DurableState.initial(2));
        assertThat(harness.core().height()).isEqualTo(2);
        assertThat(harness.core().view()).isZero();
        assertThat(harness.core().changingView()).isFalse();

        // Validator 1 is the first primary of height 2, (2 - 1 + 0) mod 4, and proposes there.
        harness.builder().propose("B");
        Ready proposed = harness.step(new Event.WorkPending(true));
        assertThat(proposed.messages()).first().satisfies(o -> assertThat(o.message())
                .isEqualTo(messages.prePrepare(2, 0, "B", 1)));
    }

    @Test
    void refusesAKeyThatIsNotTheValidators() {
        ConsensusConfig config = TestValidators.config(4, 1, 10);
        assertThatThrownBy(() -> new PbftCore(config, TestValidators.key(2), (h, v) -> Optional.empty(),
                new Blocks.Validator(), 0, Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the key is not validator 1's");
    }

    @Test
    void refusesAChainWithoutItsLastCertificate() {
        ConsensusConfig config = TestValidators.config(4, 1, 10);
        CommitCertificate ofHeight1 = messages.commits(1, 0, A, 0, 2, 3);
        for (Optional<CommitCertificate> certificate : List.of(Optional.<CommitCertificate>empty(), Optional.of(ofHeight1))) {
            assertThatThrownBy(() -> new PbftCore(config, TestValidators.key(1), (h, v) -> Optional.empty(),
                    new Blocks.Validator(), 2, certificate, Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("a chain at height 2 needs that height's certificate");
        }
    }

    private static Ready last(List<Ready> readies) {
        for (Ready ready : readies.subList(0, readies.size() - 1)) {
            assertThat(ready.isEmpty()).isTrue();
        }
        return readies.get(readies.size() - 1);
    }
}
