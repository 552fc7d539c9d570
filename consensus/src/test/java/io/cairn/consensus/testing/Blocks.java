package io.cairn.consensus.testing;

import io.cairn.consensus.types.Proposal;
import io.cairn.consensus.types.ProposalBuilder;
import io.cairn.consensus.types.ProposalValidator;
import io.cairn.crypto.Hash;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Blocks named by labels (A, B, ...): block X is the bytes of "block X" and its digest their
 * SHA-256, the same in every test, so a digest can always be named back by its label.
 */
public final class Blocks {
    private Blocks() {}

    public static byte[] bytes(String label) {
        return ("block " + label).getBytes(StandardCharsets.UTF_8);
    }

    public static Hash digest(String label) {
        return Hash.of(bytes(label));
    }

    public static Proposal proposal(String label) {
        return new Proposal(bytes(label), digest(label));
    }

    /** The label of a block made by {@link #bytes}, if it is one. */
    public static Optional<String> labelOf(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("block ") && java.util.Arrays.equals(bytes(text.substring(6)), bytes)
                ? Optional.of(text.substring(6)) : Optional.empty();
    }

    /** A builder that proposes whichever block the test last chose, at any height and view. */
    public static final class Builder implements ProposalBuilder {
        private Optional<String> next = Optional.empty();

        public void propose(String label) {
            next = Optional.of(label);
        }

        public void proposeNothing() {
            next = Optional.empty();
        }

        @Override
        public Optional<Proposal> build(long height, long view) {
            return next.map(Blocks::proposal);
        }
    }

    /** A validator that accepts every block except those the test marked invalid; every block has a digest. */
    public static final class Validator implements ProposalValidator {
        private final Set<Hash> invalid = new HashSet<>();

        public void markInvalid(String label) {
            invalid.add(Blocks.digest(label));
        }

        @Override
        public Optional<Hash> validate(long height, long view, byte[] proposal) {
            Hash digest = Hash.of(proposal);
            return invalid.contains(digest) ? Optional.empty() : Optional.of(digest);
        }

        @Override
        public Optional<Hash> digest(byte[] proposal) {
            return Optional.of(Hash.of(proposal));
        }
    }
}
