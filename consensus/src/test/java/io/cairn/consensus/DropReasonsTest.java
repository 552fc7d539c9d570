package io.cairn.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.consensus.messages.CommitCertificate;
import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.messages.PrePrepare;
import io.cairn.consensus.messages.Prepare;
import io.cairn.consensus.messages.PreparedCertificate;
import io.cairn.consensus.messages.ViewChange;
import io.cairn.consensus.statemachine.DropReason;
import io.cairn.consensus.testing.Blocks;
import io.cairn.consensus.testing.CoreHarness;
import io.cairn.consensus.testing.TestMessages;
import io.cairn.consensus.testing.TestValidators;
import io.cairn.crypto.Hash;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every way another validator (or anyone) can make the core ignore a message is counted under
 * its reason, and the message changes nothing: no output, the same state. Reference: PBFT
 * section 4.2 (which messages a backup accepts) and 4.4 (which view changes count).
 */
class DropReasonsTest {
    private static final Hash A = Blocks.digest("A");
    private static final Hash B = Blocks.digest("B");

    private final TestMessages messages = new TestMessages(4);
    private final CoreHarness harness = CoreHarness.of(4, 1, 10);

    @Test
    void aSenderOutsideTheValidatorSet() {
        harness.start();
        assertIgnored(messages.prepare(1, 0, A, 4), DropReason.NOT_A_VALIDATOR);
        assertIgnored(messages.viewChange(1, 1, 7), DropReason.NOT_A_VALIDATOR);
    }

    @Test
    void itsOwnMessageComingBack() {
        harness.start();
        assertIgnored(messages.prepare(1, 0, A, 1), DropReason.OWN_MESSAGE);
    }

    @Test
    void aSignatureThatDoesNotVerify() {
        harness.start();
        Prepare forged = new Prepare(messages.vote(MessageType.PREPARE, 1, 0, A, 2, TestValidators.forger()),
                messages.prepare(1, 0, A, 2).primarySignature());
        assertIgnored(forged, DropReason.BAD_SIGNATURE);
        assertIgnored(new PrePrepare(messages.vote(MessageType.PRE_PREPARE, 1, 0, A, 0, TestValidators.forger()),
                Blocks.bytes("A")), DropReason.BAD_SIGNATURE);
        // An early message is checked before it is kept.
        assertIgnored(new io.cairn.consensus.messages.Commit(messages.vote(MessageType.COMMIT, 2, 0, A, 2,
                TestValidators.forger())), DropReason.BAD_SIGNATURE);
    }

    @Test
    void aProposalFromAValidatorThatIsNotThePrimary() {
        harness.start();
        assertIgnored(messages.prePrepare(1, 0, "A", 2), DropReason.NOT_FROM_PRIMARY);
    }

    @Test
    void aMessageForADecidedHeight() {
        harness.storeAt(3, messages.commits(3, 0, A, 0, 2, 3));
        harness.start();
        assertIgnored(messages.prepare(3, 0, A, 2), DropReason.STALE_HEIGHT);
        assertIgnored(messages.commit(1, 0, A, 2), DropReason.STALE_HEIGHT);
    }

    @Test
    void aMessageTooFarAhead() {
        harness.start();
        assertIgnored(messages.commit(1 + 4 + 1, 0, A, 2), DropReason.HEIGHT_TOO_FAR_AHEAD);
        assertIgnored(messages.commit(1, 16 + 1, A, 2), DropReason.VIEW_TOO_FAR_AHEAD);
        assertIgnored(messages.viewChange(16 + 1, 1, 2), DropReason.VIEW_TOO_FAR_AHEAD);
        // The edges of the windows are kept for later.
        assertIgnored(messages.commit(1 + 4, 0, A, 2), null);
        assertIgnored(messages.commit(1, 16, A, 2), null);
    }

    @Test
    void aMessageOfAViewItLeft() {
        harness.start();
        harness.deliver(messages.viewChange(2, 1, 2));
        harness.deliver(messages.viewChange(2, 1, 3));
        assertThat(harness.core().view()).isEqualTo(2);
        assertIgnored(messages.prePrepare(1, 0, "A", 0), DropReason.OLD_VIEW);
        assertIgnored(messages.prepare(1, 0, A, 2), DropReason.OLD_VIEW);
        assertIgnored(messages.viewChange(1, 1, 3), DropReason.OLD_VIEW);
    }

    @Test
    void theSameProposalTwice() {
        harness.start();
        harness.deliver(messages.prePrepare(1, 0, "A", 0));
        assertIgnored(messages.prePrepare(1, 0, "A", 0), DropReason.DUPLICATE);
    }

    @Test
    void aSecondDifferentVoteIsEvidenceAgainstItsSender() {
        harness.start();
        harness.deliver(messages.commit(1, 0, A, 2));
        Ready ready = harness.deliver(messages.commit(1, 0, B, 2));
        assertThat(ready.evidence()).containsExactly(new Ready.Evidence(2,
                messages.commit(1, 0, A, 2).vote(), messages.commit(1, 0, B, 2).vote()));
        assertThat(ready.messages()).isEmpty();
        assertThat(harness.drops(DropReason.CONFLICTING_VOTE)).isEqualTo(1);
    }

    @Test
    void anInvalidProposalIsNotPreparedAndReplacesThePrimary() {
        harness.validator().markInvalid("B");
        harness.start();
        Ready ready = harness.deliver(messages.prePrepare(1, 0, "B", 0));
        assertThat(ready.messages()).singleElement().extracting(o -> o.message().type()).isEqualTo(MessageType.VIEW_CHANGE);
        assertThat(harness.drops(DropReason.INVALID_PROPOSAL)).isEqualTo(1);
        assertThat(harness.core().changingView()).isTrue();
    }

    @Test
    void aViewChangeThatProvesNothing() {
        harness.storeAt(1, messages.commits(1, 0, A, 0, 2, 3));
        harness.start();
        CommitCertificate last = messages.commits(1, 0, A, 0, 2, 3);
        PreparedCertificate weak = messages.prepared(2, 0, B, 0, 2);
        PreparedCertificate otherHeight = messages.prepared(3, 0, B, 0, 2, 3);
        PreparedCertificate sameView = messages.prepared(2, 1, B, 1, 2, 3);
        List<ViewChange> unsound = List.of(
                messages.viewChange(1, 2, 2), // height 2 without the certificate of height 1
                messages.viewChange(1, 2, Optional.of(messages.commits(1, 0, A, 0, 2)), Optional.empty(), new byte[0], 2),
                messages.viewChange(1, 2, Optional.of(last), Optional.of(weak), new byte[0], 2),
                messages.viewChange(1, 2, Optional.of(last), Optional.of(otherHeight), new byte[0], 2),
                messages.viewChange(1, 2, Optional.of(last), Optional.of(sameView), new byte[0], 2));
        for (ViewChange viewChange : unsound) {
            assertIgnored(viewChange, DropReason.INVALID_VIEW_CHANGE);
        }
        // Its own signature is checked first, and counted like any message's.
        assertIgnored(messages.viewChange(1, 2, Optional.of(last), Optional.empty(), new byte[0], 2, TestValidators.forger()),
                DropReason.BAD_SIGNATURE);
    }

    @Test
    void aViewChangeForHeightOneWithACertificateOfAPreviousBlock() {
        harness.start(); // at height 1: a view change for height 1 is current, not stale
        assertIgnored(messages.viewChange(1, 1, Optional.of(messages.commits(1, 0, A, 0, 2, 3)), Optional.empty(),
                new byte[0], 2), DropReason.INVALID_VIEW_CHANGE);
    }

    @Test
    void aViewChangeToThisPrimaryWithTheWrongBlockAttached() {
        harness.start(); // validator 1 is the primary of view 1 at height 1 and keeps attached blocks
        ViewChange wrongBlock = messages.viewChange(1, 1, Optional.empty(),
                Optional.of(messages.prepared(1, 0, A, 0, 2, 3)), Blocks.bytes("B"), 2);
        assertIgnored(wrongBlock, DropReason.INVALID_VIEW_CHANGE);
    }

    @Test
    void aNewViewWithoutAQuorumOfViewChanges() {
        harness.start();
        assertIgnored(messages.newView(2, 1, List.of(messages.viewChange(2, 1, 0), messages.viewChange(2, 1, 3)),
                Optional.of(messages.prePrepare(1, 2, "A", 2)), 2), DropReason.INVALID_NEW_VIEW);
        assertIgnored(messages.newView(2, 1, List.of(messages.viewChange(2, 1, 0), messages.viewChange(2, 1, 3),
                messages.viewChange(2, 1, 1)), Optional.of(messages.prePrepare(1, 2, "A", 2)), 3), DropReason.NOT_FROM_PRIMARY);
    }

    @Test
    void aSyncedBlockWithoutAValidCertificate() {
        harness.start();
        assertIgnored(new Event.Synced(1, Blocks.bytes("A"), messages.commits(1, 0, A, 0, 2)), DropReason.INVALID_CERTIFICATE);
        assertIgnored(new Event.Synced(1, Blocks.bytes("B"), messages.commits(1, 0, A, 0, 2, 3)), DropReason.INVALID_CERTIFICATE);
        assertIgnored(new Event.Synced(2, Blocks.bytes("A"), messages.commits(2, 0, A, 0, 2, 3)), DropReason.UNEXPECTED_SYNC);
        assertIgnored(new Event.Applied(1), DropReason.UNEXPECTED_APPLY);
    }

    @Test
    void moreEarlyMessagesThanASendersShare() {
        CoreHarness small = new CoreHarness(new ConsensusConfig(TestValidators.CHAIN_ID, TestValidators.of(4), 1, 10,
                6, 4, 16, 2, 32L << 20, ConsensusConfig.PlantedBug.NONE));
        small.start();
        // Votes for views not entered yet, at this height, from one validator; early messages from a
        // second one are for a later height. (f + 1 = 2 validators in later views would make it join
        // them, and f + 1 at later heights would start a sync: either would produce outputs.)
        small.deliver(messages.commit(1, 1, A, 2));
        small.deliver(messages.commit(1, 2, A, 2));
        assertIgnored(small, new Event.Received(messages.commit(1, 3, A, 2)), DropReason.BUFFER_FULL);
        // Another validator's share is its own.
        assertIgnored(small, new Event.Received(messages.commit(2, 0, A, 3)), null);
        // One message per (type, height, view): a second one for a taken slot is not kept either.
        assertIgnored(small, new Event.Received(messages.commit(2, 0, B, 3)), DropReason.BUFFER_FULL);
    }

    private void assertIgnored(io.cairn.consensus.messages.ConsensusMessage message, DropReason reason) {
        assertIgnored(harness, new Event.Received(message), reason);
    }

    private void assertIgnored(Event event, DropReason reason) {
        assertIgnored(harness, event, reason);
    }

    /** The event produces nothing and changes nothing; it is counted under {@code reason} (null: kept, not dropped). */
    private static void assertIgnored(CoreHarness harness, Event event, DropReason reason) {
        DurableState before = harness.core().durableState();
        Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
        drops.putAll(harness.core().drops());
        Ready ready = harness.step(event);
        assertThat(ready.isEmpty()).as("outputs of %s", event).isTrue();
        assertThat(harness.core().durableState()).isEqualTo(before);
        if (reason != null) {
            drops.merge(reason, 1L, Long::sum);
        }
        assertThat(harness.core().drops()).as("drops after %s", event).isEqualTo(drops);
    }
}
