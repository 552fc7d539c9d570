package io.cairn.node.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How this node drives consensus ({@code consensus} in the config file, optional).
 *
 * @param tickMillis the length of one tick of the consensus core's clock
 * @param emptyBlocks whether the primary proposes empty blocks while there is nothing to do; by
 *     default it proposes only when the mempool has transactions
 * @param voteLog an optional audit file: every vote this validator signs, one line each, appended
 *     after it is persisted and before it is sent (see {@code io.cairn.node.chain.VoteLog})
 */
public record ConsensusOptions(int tickMillis, boolean emptyBlocks, Optional<Path> voteLog) {
    public static final int TICK_MILLIS_MIN = 10;
    public static final int TICK_MILLIS_MAX = 1_000;
    public static final ConsensusOptions DEFAULTS = new ConsensusOptions(100, false, Optional.empty());

    public ConsensusOptions(int tickMillis, boolean emptyBlocks) {
        this(tickMillis, emptyBlocks, Optional.empty());
    }

    public ConsensusOptions {
        Objects.requireNonNull(voteLog, "voteLog");
        if (tickMillis < TICK_MILLIS_MIN || tickMillis > TICK_MILLIS_MAX) {
            throw new IllegalArgumentException("consensus.tickMillis: " + tickMillis + " is outside "
                    + TICK_MILLIS_MIN + ".." + TICK_MILLIS_MAX);
        }
    }
}
