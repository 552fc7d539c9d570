package io.cairn.node.config;

/**
 * How this node drives consensus ({@code consensus} in the config file, optional).
 *
 * @param tickMillis the length of one tick of the consensus core's clock
 * @param emptyBlocks whether the primary proposes empty blocks while there is nothing to do; by
 *     default it proposes only when the mempool has transactions
 */
public record ConsensusOptions(int tickMillis, boolean emptyBlocks) {
    public static final int TICK_MILLIS_MIN = 10;
    public static final int TICK_MILLIS_MAX = 1_000;
    public static final ConsensusOptions DEFAULTS = new ConsensusOptions(100, false);

    public ConsensusOptions {
        if (tickMillis < TICK_MILLIS_MIN || tickMillis > TICK_MILLIS_MAX) {
            throw new IllegalArgumentException("consensus.tickMillis: " + tickMillis + " is outside "
                    + TICK_MILLIS_MIN + ".." + TICK_MILLIS_MAX);
        }
    }
}
