package io.cairn.consensus.messages;

import io.cairn.crypto.Hash;
import io.cairn.crypto.Signature;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A validator asks to move to {@code newView} (PBFT section 4.4). {@code height} is the height it
 * is deciding, proven by {@code lastCommit}, the certificate of height - 1 (absent at height 1);
 * {@code prepared} is the highest prepared certificate it holds for {@code height}. The block of
 * that certificate rides along unsigned in {@code preparedProposal} (its digest is signed), so
 * the new primary can re-propose it; a NEW-VIEW carries view changes without it.
 */
public record ViewChange(
        long newView,
        long height,
        Optional<CommitCertificate> lastCommit,
        Optional<PreparedCertificate> prepared,
        int sender,
        Signature signature,
        byte[] preparedProposal) implements ConsensusMessage {

    public ViewChange {
        Objects.requireNonNull(lastCommit, "lastCommit");
        Objects.requireNonNull(prepared, "prepared");
        Objects.requireNonNull(signature, "signature");
        preparedProposal = preparedProposal.clone();
        if (newView < 1 || height < 1 || sender < 0) {
            throw new IllegalArgumentException("new view and height must be at least 1, sender not negative");
        }
    }

    /** The same view change without the attached block, as a NEW-VIEW carries it. */
    public ViewChange withoutProposal() {
        return new ViewChange(newView, height, lastCommit, prepared, sender, signature, new byte[0]);
    }

    @Override
    public byte[] preparedProposal() {
        return preparedProposal.clone();
    }

    public boolean hasPreparedProposal() {
        return preparedProposal.length > 0;
    }

    public int preparedProposalSize() {
        return preparedProposal.length;
    }

    /** SHA-256 of the signed body: view, height and both certificates. */
    public Hash bodyDigest() {
        return Hash.of(MessageCodec.viewChangeBody(this));
    }

    @Override
    public MessageType type() {
        return MessageType.VIEW_CHANGE;
    }

    @Override
    public long view() {
        return newView;
    }

    @Override
    public byte[] signBytes(String chainId) {
        return SignBytes.of(chainId, MessageType.VIEW_CHANGE, height, newView, bodyDigest());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ViewChange other && newView == other.newView && height == other.height
                && lastCommit.equals(other.lastCommit) && prepared.equals(other.prepared) && sender == other.sender
                && signature.equals(other.signature) && Arrays.equals(preparedProposal, other.preparedProposal);
    }

    @Override
    public int hashCode() {
        return Objects.hash(newView, height, sender, signature);
    }

    @Override
    public String toString() {
        return "ViewChange[view " + newView + ", height " + height + ", from " + sender
                + prepared.map(p -> ", prepared " + p.digest() + " in view " + p.view()).orElse("") + "]";
    }
}
