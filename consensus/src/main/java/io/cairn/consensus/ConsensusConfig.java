package io.cairn.consensus;

import java.util.Objects;

/**
 * One validator's consensus settings. Timeouts are in ticks: the node decides how long a tick is.
 *
 * @param timeoutTicks base request timeout, that of view 0; it doubles with each view change at a
 *     height, up to {@code 2^maxDoublings} times, and is back at the base for the next height
 * @param futureHeights how many heights ahead messages are kept for later
 * @param futureViews how many views ahead messages are kept or view changes accepted
 * @param inboxPerSender how many early messages are kept per validator
 * @param inboxBytesPerSender how many bytes of early messages (blocks included) are kept per
 *     validator; the node sets it from the chain's largest block
 * @param plantedBug {@link PlantedBug#NONE} in production; the simulator's own tests plant one to
 *     show that it finds the violation
 */
public record ConsensusConfig(
        String chainId,
        ValidatorSet validators,
        int self,
        int timeoutTicks,
        int maxDoublings,
        int futureHeights,
        int futureViews,
        int inboxPerSender,
        long inboxBytesPerSender,
        PlantedBug plantedBug) {

    /** Deliberate bugs, for proving that the simulator's checkers can fail. Never set them elsewhere. */
    public enum PlantedBug {
        NONE,
        /** Certificates of f + 1 votes instead of a quorum. */
        WEAK_QUORUM,
        /** New views ignore prepared certificates: a new primary proposes freely and backups allow it. */
        IGNORE_PREPARED_CERTIFICATES
    }

    public ConsensusConfig {
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(validators, "validators");
        Objects.requireNonNull(plantedBug, "plantedBug");
        if (!validators.contains(self)) {
            throw new IllegalArgumentException("validator " + self + " is not in a set of " + validators.size());
        }
        if (timeoutTicks < 1 || maxDoublings < 0 || maxDoublings > 20 || futureHeights < 1 || futureViews < 1
                || inboxPerSender < 1 || inboxBytesPerSender < 1) {
            throw new IllegalArgumentException("timeouts, windows and bounds must be positive");
        }
    }

    /**
     * Defaults for the windows and bounds: 6 doublings, 4 heights and 16 views ahead, 64 early
     * messages and 32 MiB of them per sender.
     */
    public static ConsensusConfig of(String chainId, ValidatorSet validators, int self, int timeoutTicks) {
        return new ConsensusConfig(chainId, validators, self, timeoutTicks, 6, 4, 16, 64, 32L << 20, PlantedBug.NONE);
    }

    /** The number of matching votes that makes a certificate. */
    public int quorum() {
        return plantedBug == PlantedBug.WEAK_QUORUM ? validators.quorum().weak() : validators.quorum().size();
    }
}
