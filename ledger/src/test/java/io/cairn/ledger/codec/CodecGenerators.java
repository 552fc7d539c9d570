package io.cairn.ledger.codec;

import io.cairn.crypto.Hash;
import io.cairn.crypto.PublicKey;
import io.cairn.crypto.Signature;
import io.cairn.ledger.Account;
import io.cairn.ledger.Block;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.CommitCertificate.ValidatorSignature;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Outcome;
import io.cairn.ledger.Permission;
import io.cairn.ledger.ProtocolLimits;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.codec.StateCodec.TransactionLocation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generators for every codec value, each drawing from the caller's {@link Random} so one case
 * seed reproduces it. Each numeric or length field draws its extremes (0, 1, the protocol
 * maximum, Long.MAX_VALUE) as often as a random value, because the edges are where a
 * fixed-width codec breaks.
 */
final class CodecGenerators {
    static final String IDENTIFIER_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-";

    private CodecGenerators() {}

    static byte[] bytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    static PublicKey publicKey(Random random) {
        return PublicKey.wrap(bytes(random, PublicKey.SIZE));
    }

    static Hash hash(Random random) {
        return Hash.wrap(bytes(random, Hash.SIZE));
    }

    static Signature signature(Random random) {
        return Signature.wrap(bytes(random, Signature.SIZE));
    }

    static String chainId(Random random) {
        int length = edgeOr(random, 1, ProtocolLimits.CHAIN_ID_MAX_LENGTH);
        StringBuilder chainId = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            chainId.append(IDENTIFIER_CHARS.charAt(random.nextInt(IDENTIFIER_CHARS.length())));
        }
        return chainId.toString();
    }

    /** {@code min}, {@code max} or anything between (inclusive), each a third of the time. */
    static int edgeOr(Random random, int min, int max) {
        return (int) edgeOr(random, (long) min, max);
    }

    static long edgeOr(Random random, long min, long max) {
        switch (random.nextInt(3)) {
            case 0:
                return min;
            case 1:
                return max;
            default:
                return between(random, min, max);
        }
    }

    /** Uniform in [min, max], max included even when it is Long.MAX_VALUE. */
    static long between(Random random, long min, long max) {
        if (max < Long.MAX_VALUE) {
            return random.nextLong(min, max + 1);
        }
        return min == Long.MIN_VALUE ? random.nextLong() : random.nextLong(min - 1, max) + 1;
    }

    static long nonNegativeLong(Random random) {
        return edgeOr(random, 0L, Long.MAX_VALUE);
    }

    static long height(Random random) {
        return edgeOr(random, 1L, Long.MAX_VALUE);
    }

    /** One of {@code values}, uniformly. */
    @SafeVarargs
    static <T> T oneOf(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    /** Any of the four kinds, uniformly; {@code largePuts} allows keys and values up to the protocol maximum. */
    static Operation operation(Random random, boolean largePuts) {
        switch (oneOf(random, Operation.Kind.values())) {
            case TRANSFER:
                return new Operation.Transfer(publicKey(random), edgeOr(random, 1L, Long.MAX_VALUE));
            case PUT:
                return put(random, largePuts);
            case GRANT:
                return new Operation.Grant(publicKey(random), oneOf(random, Permission.values()));
            case REVOKE:
                return new Operation.Revoke(publicKey(random), oneOf(random, Permission.values()));
            default:
                throw new IllegalStateException("unhandled kind");
        }
    }

    private static Operation put(Random random, boolean largePuts) {
        int keySize = largePuts ? edgeOr(random, 1, ProtocolLimits.PUT_KEY_MAX_BYTES) : edgeOr(random, 1, 8);
        int valueSize;
        if (!largePuts) {
            valueSize = edgeOr(random, 0, 16);
        } else if (random.nextBoolean()) {
            valueSize = edgeOr(random, 0, ProtocolLimits.PUT_VALUE_MAX_BYTES);
        } else {
            // Half the large puts stay small, so blocks of them stay cheap.
            valueSize = random.nextInt(65);
        }
        return new Operation.Put(bytes(random, keySize), bytes(random, valueSize));
    }

    /** Transactions of every kind; {@code largePuts} allows keys and values up to the protocol maximum. */
    static Transaction transaction(Random random, boolean largePuts) {
        return new Transaction(chainId(random), publicKey(random), nonNegativeLong(random),
                operation(random, largePuts), signature(random));
    }

    static BlockHeader header(Random random) {
        return header(random, edgeOr(random, 0, ProtocolLimits.BLOCK_MAX_TRANSACTIONS));
    }

    private static BlockHeader header(Random random, int transactionCount) {
        return new BlockHeader(height(random), hash(random), nonNegativeLong(random), publicKey(random),
                nonNegativeLong(random), hash(random), hash(random), transactionCount);
    }

    /** Blocks of 0 to {@code maxTransactions} transactions, the header counting them. */
    static Block block(Random random, int maxTransactions, boolean largePuts) {
        int count = edgeOr(random, 0, maxTransactions);
        BlockHeader header = header(random, count);
        List<Transaction> transactions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            transactions.add(transaction(random, largePuts));
        }
        return new Block(header, transactions);
    }

    /** Certificates of 1 to {@code maxSignatures} signatures. */
    static CommitCertificate certificate(Random random, int maxSignatures) {
        return new CommitCertificate(height(random), nonNegativeLong(random), hash(random),
                signatureList(random, maxSignatures));
    }

    /** 1 to {@code maxSignatures} signatures by distinct validators (of the 256 possible), ascending. */
    static List<ValidatorSignature> signatureList(Random random, int maxSignatures) {
        int count = edgeOr(random, 1, maxSignatures);
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < ProtocolLimits.MAX_VALIDATORS; i++) {
            indices.add(i);
        }
        Collections.shuffle(indices, random);
        List<Integer> chosen = new ArrayList<>(indices.subList(0, count));
        Collections.sort(chosen);
        List<ValidatorSignature> signatures = new ArrayList<>(count);
        for (int validator : chosen) {
            signatures.add(new ValidatorSignature(validator, signature(random)));
        }
        return signatures;
    }

    /** Any subset of the permissions, each of the eight equally likely. */
    static Set<Permission> permissions(Random random) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (Permission permission : Permission.values()) {
            if (random.nextBoolean()) {
                permissions.add(permission);
            }
        }
        return permissions;
    }

    static Account account(Random random) {
        return new Account(nonNegativeLong(random), nonNegativeLong(random), permissions(random));
    }

    static TransactionLocation location(Random random) {
        return new TransactionLocation(height(random), edgeOr(random, 0, Integer.MAX_VALUE),
                oneOf(random, Outcome.values()));
    }
}
