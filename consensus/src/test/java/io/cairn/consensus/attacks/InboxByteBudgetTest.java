package io.cairn.consensus.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.consensus.ValidatorSet;
import io.cairn.consensus.messages.CommitCertificate;
import io.cairn.consensus.messages.ConsensusMessage;
import io.cairn.consensus.messages.MessageCodec;
import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.messages.PrePrepare;
import io.cairn.consensus.messages.ValidatorSignature;
import io.cairn.consensus.messages.ViewChange;
import io.cairn.consensus.statemachine.InboxProbe;
import io.cairn.consensus.testing.TestMessages;
import io.cairn.consensus.testing.TestValidators;
import io.cairn.crypto.Hash;
import io.cairn.crypto.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Early messages (later heights, views not entered yet) wait in the inbox. Before the fix it
 * bounded their number per sender (64) but not their size: with blocks of up to 64 MiB one
 * Byzantine validator could make every honest node hold about 4 GiB. The default configuration
 * now keeps at most 32 MiB of early messages per sender. The test counts the encoded bytes of
 * what the inbox holds, not the heap, which would be flaky.
 */
class InboxByteBudgetTest {
    private static final int SELF = 0;
    private static final int BYZANTINE = 3;
    /** The budget per sender of {@code ConsensusConfig.of}, as its documentation states. */
    private static final long BUDGET = 32L << 20;
    /** The default windows: 4 heights and 16 views ahead. */
    private static final int HEIGHTS_AHEAD = 4;
    private static final int VIEWS_AHEAD = 16;

    private final TestMessages messages = new TestMessages(4);
    private final ValidatorSet validators = TestValidators.of(4);
    private final InboxProbe node = new InboxProbe(TestValidators.config(4, SELF, 10));

    @Test
    void earlyBlocksFromOneValidatorStayWithinItsBudget() {
        // Blocks of 1 MiB: 33 of them are over the budget, and the Byzantine validator may send
        // far more than that, even counting only those it is entitled to (as primary) or that
        // this node, as the primary of a view, must be able to re-propose.
        byte[] block = new byte[1 << 20];
        Hash digest = Hash.of(block);
        for (long height = 1; height <= 1 + HEIGHTS_AHEAD; height++) {
            for (long view = height == 1 ? 1 : 0; view <= VIEWS_AHEAD; view++) {
                PrePrepare prePrepare = new PrePrepare(
                        messages.vote(MessageType.PRE_PREPARE, height, view, digest, BYZANTINE), block);
                node.deliver(prePrepare);
                if (view > 0) {
                    node.deliver(messages.viewChange(view, height, Optional.empty(), Optional.empty(), block, BYZANTINE));
                    node.deliver(messages.newView(view, height, List.of(messages.viewChange(view, height, BYZANTINE)),
                            Optional.of(prePrepare), BYZANTINE));
                }
            }
        }
        PrePrepare honest = messages.prePrepare(2, 0, "B", 1); // validator 1 is the primary at height 2

        node.deliver(honest);

        List<ConsensusMessage> held = node.takeAll();
        assertThat(bytesFrom(BYZANTINE, held)).as("bytes held from validator %d", BYZANTINE)
                .isLessThanOrEqualTo(BUDGET);
        assertThat(held).as("another validator's early block is still kept").contains(honest);
    }

    @Test
    void theProofInsideEarlyNewViewsCountsAgainstTheBudget() {
        // The codec allows 256 view changes in a NEW-VIEW and 256 signatures in a certificate, and
        // nothing checks the proof of a NEW-VIEW for a later height before keeping it: about 4 MiB
        // each, without any block.
        int kept = 0;
        for (long height = 2; height <= 1 + HEIGHTS_AHEAD; height++) {
            List<ViewChange> proof = oversizedProof(height);
            for (long view = 1; view <= VIEWS_AHEAD; view++) {
                if (validators.primary(height, view) == BYZANTINE) {
                    node.deliver(messages.newView(view, height, proof, Optional.empty(), BYZANTINE));
                    kept++;
                }
            }
        }
        assertThat(kept).as("NEW-VIEWs the Byzantine validator may send as primary").isEqualTo(16);

        assertThat(bytesFrom(BYZANTINE, node.takeAll())).as("bytes held from validator %d", BYZANTINE)
                .isLessThanOrEqualTo(BUDGET);
    }

    /** The most view changes a NEW-VIEW can hold, each with the largest certificate the codec allows. */
    private static List<ViewChange> oversizedProof(long height) {
        Signature garbage = Signature.wrap(new byte[Signature.SIZE]);
        List<ValidatorSignature> signatures = new ArrayList<>();
        for (int i = 0; i < MessageCodec.MAX_VALIDATORS; i++) {
            signatures.add(new ValidatorSignature(i, garbage));
        }
        CommitCertificate certificate = new CommitCertificate(height - 1, 0, Hash.of(new byte[0]), signatures);
        List<ViewChange> proof = new ArrayList<>();
        for (int sender = 0; sender < MessageCodec.MAX_VALIDATORS; sender++) {
            proof.add(new ViewChange(1, height, Optional.of(certificate), Optional.empty(), sender, garbage, new byte[0]));
        }
        return proof;
    }

    private static long bytesFrom(int sender, List<ConsensusMessage> held) {
        return held.stream().filter(message -> message.sender() == sender)
                .mapToLong(message -> MessageCodec.encode(message).length).sum();
    }
}
