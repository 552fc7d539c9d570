package io.cairn.consensus.messages;

import io.cairn.crypto.Hash;
import io.cairn.crypto.Signature;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The primary of {@code view} starts it (PBFT section 4.4): a quorum of VIEW-CHANGE messages as
 * proof, and the PRE-PREPARE for {@code height}. When any of the view changes holds a prepared
 * certificate for {@code height}, that PRE-PREPARE must re-propose the block of the highest one;
 * backups recompute this from the proof. Otherwise the primary may propose later.
 */
public record NewView(
        long view,
        long height,
        List<ViewChange> viewChanges,
        Optional<PrePrepare> prePrepare,
        int sender,
        Signature signature) implements ConsensusMessage {

    public NewView {
        viewChanges = List.copyOf(viewChanges);
        Objects.requireNonNull(prePrepare, "prePrepare");
        Objects.requireNonNull(signature, "signature");
        if (view < 1 || height < 1 || sender < 0) {
            throw new IllegalArgumentException("view and height must be at least 1, sender not negative");
        }
    }

    /** SHA-256 of the signed body: view, height, the view changes and the pre-prepare's vote. */
    public Hash bodyDigest() {
        return Hash.of(MessageCodec.newViewBody(this));
    }

    @Override
    public MessageType type() {
        return MessageType.NEW_VIEW;
    }

    @Override
    public byte[] signBytes(String chainId) {
        return SignBytes.of(chainId, MessageType.NEW_VIEW, height, view, bodyDigest());
    }

    @Override
    public String toString() {
        return "NewView[view " + view + ", height " + height + ", " + viewChanges.size() + " view changes"
                + prePrepare.map(p -> ", proposes " + p.vote().digest()).orElse("") + "]";
    }
}
