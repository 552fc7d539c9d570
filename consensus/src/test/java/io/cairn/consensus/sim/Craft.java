package io.cairn.consensus.sim;

import io.cairn.consensus.messages.Commit;
import io.cairn.consensus.messages.CommitCertificate;
import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.messages.NewView;
import io.cairn.consensus.messages.PrePrepare;
import io.cairn.consensus.messages.Prepare;
import io.cairn.consensus.messages.PreparedCertificate;
import io.cairn.consensus.messages.SignBytes;
import io.cairn.consensus.messages.ViewChange;
import io.cairn.consensus.messages.Vote;
import io.cairn.crypto.Hash;
import io.cairn.crypto.KeyPair;
import io.cairn.crypto.Signature;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** Messages a Byzantine validator makes up, signed with its own key (or, to forge, with garbage). */
final class Craft {
    private static final Signature UNSIGNED = Signature.wrap(new byte[Signature.SIZE]);

    private final KeyPair key;
    private final int self;

    Craft(KeyPair key, int self) {
        this.key = key;
        this.self = self;
    }

    Vote vote(MessageType type, long height, long view, Hash digest) {
        return new Vote(type, height, view, digest, self,
                key.sign(SignBytes.of(SimContext.CHAIN_ID, type, height, view, digest)));
    }

    PrePrepare prePrepare(long height, long view, byte[] proposal) {
        return new PrePrepare(vote(MessageType.PRE_PREPARE, height, view, Hash.of(proposal)), proposal);
    }

    Prepare prepare(long height, long view, Hash digest, Signature primarySignature) {
        return new Prepare(vote(MessageType.PREPARE, height, view, digest), primarySignature);
    }

    Commit commit(long height, long view, Hash digest) {
        return new Commit(vote(MessageType.COMMIT, height, view, digest));
    }

    ViewChange viewChange(long newView, long height, Optional<CommitCertificate> lastCommit,
            Optional<PreparedCertificate> prepared, byte[] proposal) {
        ViewChange unsigned = new ViewChange(newView, height, lastCommit, prepared, self, UNSIGNED, proposal);
        return new ViewChange(newView, height, lastCommit, prepared, self,
                key.sign(unsigned.signBytes(SimContext.CHAIN_ID)), proposal);
    }

    NewView newView(long view, long height, List<ViewChange> proof, Optional<PrePrepare> prePrepare) {
        NewView unsigned = new NewView(view, height, proof, prePrepare, self, UNSIGNED);
        return new NewView(view, height, proof, prePrepare, self, key.sign(unsigned.signBytes(SimContext.CHAIN_ID)));
    }

    static Signature garbage(SplittableRandom rng) {
        byte[] bytes = new byte[Signature.SIZE];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) rng.nextInt(256);
        }
        return Signature.wrap(bytes);
    }

    static Hash randomHash(SplittableRandom rng) {
        byte[] bytes = new byte[Hash.SIZE];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) rng.nextInt(256);
        }
        return Hash.wrap(bytes);
    }
}
