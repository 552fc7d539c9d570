package io.cairn.node.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.consensus.messages.CommitCertificate;
import io.cairn.consensus.messages.MessageCodec;
import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.messages.NewView;
import io.cairn.consensus.messages.PrePrepare;
import io.cairn.consensus.messages.PreparedCertificate;
import io.cairn.consensus.messages.ValidatorSignature;
import io.cairn.consensus.messages.ViewChange;
import io.cairn.consensus.messages.Vote;
import io.cairn.crypto.Hash;
import io.cairn.crypto.Signature;
import io.cairn.ledger.ConsensusParams;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.ProtocolLimits;
import io.cairn.ledger.testing.TestGenesis;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The frame limit derived from genesis holds the largest consensus messages a chain can produce,
 * encoded by the real codec, with the envelope to spare, and is not much larger than needed.
 */
class MaxFrameBytesTest {
    private static final Signature SIGNATURE = Signature.wrap(new byte[Signature.SIZE]);
    private static final Hash DIGEST = Hash.of(new byte[] {1});
    private static final long HEIGHT = Long.MAX_VALUE / 2;
    private static final long VIEW = 1L << 40;

    @ParameterizedTest(name = "{0} validators")
    @ValueSource(ints = {1, 4, 256})
    void theLargestNewViewFitsWithTheEnvelopeToSpare(int validators) {
        int maxBlockBytes = 1 << 20;
        Genesis genesis = TestGenesis.of(validators, 0,
                new ConsensusParams(2_000, maxBlockBytes, ProtocolLimits.TRANSACTION_MAX_BYTES, 2_000));
        List<ViewChange> viewChanges = new ArrayList<>();
        for (int sender = 0; sender < validators; sender++) {
            viewChanges.add(fullViewChange(validators, sender, new byte[0]));
        }
        NewView newView = new NewView(VIEW, HEIGHT, viewChanges,
                Optional.of(new PrePrepare(vote(MessageType.PRE_PREPARE, 0), new byte[maxBlockBytes])), 0, SIGNATURE);

        int encoded = MessageCodec.encode(newView).length;
        int limit = NodeSettings.maxFrameBytes(genesis);

        assertThat(encoded + NodeSettings.FRAME_ENVELOPE_BYTES).isLessThanOrEqualTo(limit);
        assertThat(limit - NodeSettings.FRAME_ENVELOPE_BYTES - encoded).as("slack beyond the envelope").isLessThan(64);
    }

    @ParameterizedTest(name = "{0} validators")
    @ValueSource(ints = {1, 4, 256})
    void aViewChangeCarryingTheLargestBlockFits(int validators) {
        Genesis genesis = TestGenesis.of(validators, 0);
        int maxBlockBytes = genesis.consensus().maxBlockBytes();

        int encoded = MessageCodec.encode(fullViewChange(validators, 0, new byte[maxBlockBytes])).length;

        assertThat(encoded + NodeSettings.FRAME_ENVELOPE_BYTES).isLessThanOrEqualTo(NodeSettings.maxFrameBytes(genesis));
    }

    /** A view change with both certificates signed by every validator. */
    private static ViewChange fullViewChange(int validators, int sender, byte[] proposal) {
        List<ValidatorSignature> all = new ArrayList<>();
        for (int i = 0; i < validators; i++) {
            all.add(new ValidatorSignature(i, SIGNATURE));
        }
        return new ViewChange(VIEW, HEIGHT,
                Optional.of(new CommitCertificate(HEIGHT - 1, VIEW, DIGEST, all)),
                Optional.of(new PreparedCertificate(vote(MessageType.PRE_PREPARE, sender), all)),
                sender, SIGNATURE, proposal);
    }

    private static Vote vote(MessageType type, int sender) {
        return new Vote(type, HEIGHT, VIEW - 1, DIGEST, sender, SIGNATURE);
    }
}
