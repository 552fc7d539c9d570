package io.cairn.consensus;

import io.cairn.consensus.messages.CommitCertificate;
import io.cairn.consensus.messages.ConsensusMessage;
import io.cairn.consensus.messages.PrePrepare;
import io.cairn.consensus.messages.PreparedCertificate;
import io.cairn.consensus.messages.ViewChange;
import io.cairn.consensus.testing.Blocks;
import io.cairn.consensus.testing.TestMessages;
import io.cairn.consensus.validation.NewViewRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Validly signed messages from the other validators of a four-validator chain, near the height
 * and view a core is at, about three blocks, so that they often agree and sometimes conflict.
 * Every validator but the core may behave arbitrarily: certificates for conflicting blocks are fair.
 */
final class RandomTraffic {
    static final String[] BLOCKS = {"A", "B", "C"};

    private final Random random;
    private final TestMessages messages;
    private final int self;
    private final java.util.Map<String, String> favourites = new java.util.HashMap<>();

    RandomTraffic(Random random, TestMessages messages, int self) {
        this.random = random;
        this.messages = messages;
        this.self = self;
    }

    /** A message for a core at {@code height} and {@code view}; while it is changing view, mostly view changes. */
    ConsensusMessage message(long height, long view, boolean changing) {
        long h = random.nextInt(10) < 7 ? height : Math.max(1, height + (random.nextBoolean() ? 1 : -1));
        int drift = random.nextInt(10);
        long v = drift < 6 ? view : drift < 9 ? view + 1 : Math.max(0, view - 1);
        String block = random.nextInt(10) < 9 ? favourite(h, v) : block();
        if (changing && random.nextInt(10) < 4) {
            return random.nextBoolean() ? newView(view, height) : viewChange(view, height, other());
        }
        int kind = random.nextInt(20);
        if (kind < 5) {
            return messages.prePrepare(h, v, block, random.nextInt(5) > 0 ? primary(h, v) : other());
        } else if (kind < 12) {
            return messages.prepare(h, v, Blocks.digest(block), other());
        } else if (kind < 17) {
            return messages.commit(h, v, Blocks.digest(block), other());
        } else if (kind < 19) {
            return viewChange(Math.max(1, v), h, other());
        }
        return newView(Math.max(1, v), h);
    }

    /** The block most messages about (height, view) agree on, so that equivocation is the exception. */
    private String favourite(long height, long view) {
        return favourites.computeIfAbsent(height + "/" + view, slot -> block());
    }

    /** Mostly A, so that votes often agree. */
    private String block() {
        int pick = random.nextInt(10);
        return pick < 6 ? "A" : pick < 9 ? "B" : "C";
    }

    private int other() {
        int sender = random.nextInt(3);
        return sender >= self ? sender + 1 : sender;
    }

    private int primary(long height, long view) {
        return messages.validators().primary(height, view);
    }

    private ViewChange viewChange(long newView, long height, int from) {
        Optional<CommitCertificate> last = height == 1 ? Optional.empty()
                : Optional.of(messages.commits(height - 1, random.nextInt(3), Blocks.digest(block()), quorum()));
        Optional<PreparedCertificate> prepared = Optional.empty();
        byte[] attached = new byte[0];
        if (random.nextBoolean()) {
            String block = block();
            prepared = Optional.of(messages.prepared(height, random.nextInt((int) newView), Blocks.digest(block), quorum()));
            attached = random.nextBoolean() ? Blocks.bytes(block) : attached;
        }
        return messages.viewChange(newView, height, last, prepared, attached, from);
    }

    /** A NEW-VIEW from the view's primary over the others' view changes; its proposal is mostly the one required. */
    private ConsensusMessage newView(long view, long height) {
        int primary = primary(height, view);
        List<ViewChange> proof = new ArrayList<>();
        for (int sender = 0; sender < 4; sender++) {
            if (sender != self) {
                proof.add(viewChange(view, height, sender));
            }
        }
        String block = NewViewRules.highestPrepared(proof, height, ConsensusConfig.PlantedBug.NONE)
                .filter(chosen -> random.nextInt(5) > 0)
                .map(chosen -> label(chosen.prepared().orElseThrow().digest()))
                .orElse(block());
        Optional<PrePrepare> prePrepare = random.nextInt(6) > 0
                ? Optional.of(messages.prePrepare(height, view, block, primary)) : Optional.empty();
        return messages.newView(view, height, proof, prePrepare, primary);
    }

    private static String label(io.cairn.crypto.Hash digest) {
        for (String block : BLOCKS) {
            if (Blocks.digest(block).equals(digest)) {
                return block;
            }
        }
        throw new IllegalStateException("not a test block: " + digest);
    }

    /** Three distinct signers of four. */
    private int[] quorum() {
        int left = random.nextInt(4);
        int[] signers = new int[3];
        for (int i = 0, s = 0; s < 4; s++) {
            if (s != left) {
                signers[i++] = s;
            }
        }
        return signers;
    }
}
