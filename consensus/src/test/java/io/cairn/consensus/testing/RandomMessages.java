package io.cairn.consensus.testing;

import io.cairn.consensus.DurableState;
import io.cairn.consensus.messages.Commit;
import io.cairn.consensus.messages.CommitCertificate;
import io.cairn.consensus.messages.ConsensusMessage;
import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.messages.NewView;
import io.cairn.consensus.messages.PrePrepare;
import io.cairn.consensus.messages.Prepare;
import io.cairn.consensus.messages.PreparedCertificate;
import io.cairn.consensus.messages.ValidatorSignature;
import io.cairn.consensus.messages.ViewChange;
import io.cairn.consensus.messages.Vote;
import io.cairn.crypto.Hash;
import io.cairn.crypto.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Random well-formed messages and persisted states for codec tests: any field value the records
 * allow, with random bytes for signatures (the codec does not check them), so round trips and
 * mutation fuzzing reach every part of the layout.
 */
public final class RandomMessages {
    private RandomMessages() {}

    public static ConsensusMessage message(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> prePrepare(random);
            case 1 -> new Prepare(vote(random, MessageType.PREPARE), signature(random));
            case 2 -> new Commit(vote(random, MessageType.COMMIT));
            case 3 -> viewChange(random, true);
            default -> newView(random);
        };
    }

    public static PrePrepare prePrepare(Random random) {
        return new PrePrepare(vote(random, MessageType.PRE_PREPARE), bytes(random, 40));
    }

    public static ViewChange viewChange(Random random, boolean withProposal) {
        Optional<CommitCertificate> lastCommit = random.nextBoolean() ? Optional.of(commitCertificate(random)) : Optional.empty();
        Optional<PreparedCertificate> prepared = random.nextBoolean() ? Optional.of(prepared(random)) : Optional.empty();
        byte[] proposal = withProposal ? bytes(random, 40) : new byte[0];
        return new ViewChange(1 + number(random), 1 + number(random), lastCommit, prepared, random.nextInt(256),
                signature(random), proposal);
    }

    public static NewView newView(Random random) {
        List<ViewChange> proof = new ArrayList<>();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            proof.add(viewChange(random, false));
        }
        Optional<PrePrepare> prePrepare = random.nextBoolean() ? Optional.of(prePrepare(random)) : Optional.empty();
        return new NewView(1 + number(random), 1 + number(random), proof, prePrepare, random.nextInt(256), signature(random));
    }

    public static CommitCertificate commitCertificate(Random random) {
        return new CommitCertificate(1 + number(random), number(random), hash(random), signatures(random));
    }

    public static PreparedCertificate prepared(Random random) {
        return new PreparedCertificate(vote(random, MessageType.PRE_PREPARE), signatures(random));
    }

    public static DurableState durableState(Random random) {
        List<DurableState.Signed> signed = new ArrayList<>();
        MessageType[] votes = {MessageType.PRE_PREPARE, MessageType.PREPARE, MessageType.COMMIT};
        for (int i = random.nextInt(5); i > 0; i--) {
            signed.add(new DurableState.Signed(votes[random.nextInt(3)], number(random), hash(random)));
        }
        boolean hasPrepared = random.nextBoolean();
        return new DurableState(1 + number(random), number(random), random.nextBoolean(), signed,
                hasPrepared ? Optional.of(prepared(random)) : Optional.empty(), hasPrepared ? bytes(random, 40) : new byte[0]);
    }

    public static Vote vote(Random random, MessageType type) {
        return new Vote(type, 1 + number(random), number(random), hash(random), random.nextInt(256), signature(random));
    }

    /** Small numbers mostly, sometimes the largest ones a u63 holds. */
    private static long number(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Long.MAX_VALUE - 1 - random.nextInt(3);
            case 1 -> random.nextLong() >>> 1;
            default -> random.nextInt(20);
        };
    }

    private static List<ValidatorSignature> signatures(Random random) {
        List<ValidatorSignature> signatures = new ArrayList<>();
        int validator = random.nextInt(4);
        for (int i = 1 + random.nextInt(4); i > 0 && validator < 256; i--) {
            signatures.add(new ValidatorSignature(validator, signature(random)));
            validator += 1 + random.nextInt(random.nextBoolean() ? 2 : 100);
        }
        return signatures;
    }

    private static Hash hash(Random random) {
        byte[] bytes = new byte[Hash.SIZE];
        random.nextBytes(bytes);
        return Hash.wrap(bytes);
    }

    private static Signature signature(Random random) {
        byte[] bytes = new byte[Signature.SIZE];
        random.nextBytes(bytes);
        return Signature.wrap(bytes);
    }

    private static byte[] bytes(Random random, int maxLength) {
        byte[] bytes = new byte[random.nextInt(maxLength + 1)];
        random.nextBytes(bytes);
        return bytes;
    }
}
