package io.cairn.crypto.testing;

import java.util.Random;
import java.util.SplittableRandom;

/**
 * Property checks over many random cases, each from its own seed. The base seed is fixed per
 * property (so CI is repeatable) unless {@code -Dcairn.seed=N} sets another; a failure names
 * the case's seed, and {@link #replay} runs exactly that case again.
 */
public final class RandomCases {
    public static final String SEED_PROPERTY = "cairn.seed";

    /** One random case; throw (an assertion) to fail it. */
    @FunctionalInterface
    public interface Check {
        void run(Random random) throws Exception;
    }

    private RandomCases() {}

    /** Runs {@code check} on {@code tries} cases derived from the base seed of {@code property}. */
    public static void forAll(String property, int tries, Check check) {
        long base = Long.getLong(SEED_PROPERTY, property.hashCode() * 0x9E3779B97F4A7C15L);
        SplittableRandom seeds = new SplittableRandom(base);
        for (int i = 0; i < tries; i++) {
            long seed = seeds.nextLong();
            try {
                check.run(new Random(seed));
            } catch (Throwable failure) {
                throw new AssertionError(property + ": case " + i + " of " + tries + " failed; replay it with"
                        + " RandomCases.replay(" + seed + "L, check) (base seed " + base + "): " + failure, failure);
            }
        }
    }

    /** Runs the single case with {@code seed}, as printed by a failure of {@link #forAll}. */
    public static void replay(long seed, Check check) throws Exception {
        check.run(new Random(seed));
    }

    /** Random bytes, of a length in [0, maxLength]. */
    public static byte[] bytes(Random random, int maxLength) {
        byte[] bytes = new byte[random.nextInt(maxLength + 1)];
        random.nextBytes(bytes);
        return bytes;
    }
}
