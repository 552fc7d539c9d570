package io.cairn.consensus.sim;

/** How a Byzantine validator misbehaves. Each signs only with its own key. */
public enum ByzantineKind {
    /** Sends nothing, serves no blocks. */
    SILENT,
    /** As primary, proposes different valid blocks to two halves of the network, and votes for both. */
    EQUIVOCATE,
    /** As primary, proposes blocks that break the validity rule. */
    INVALID_PROPOSALS,
    /** Sends messages under other validators' names with garbage signatures, undecodable bytes, forged sync. */
    FORGE,
    /** Resends old messages signed by others, to anyone, at any time. */
    REPLAY,
    /** Signs PREPARE and COMMIT for a second, different block besides its core's. */
    CONFLICTING_VOTES,
    /** Sends each of its core's messages to a random subset of the validators only. */
    WITHHOLD,
    /**
     * In some views, holds its PREPAREs and COMMITs back until it moves to a later view (or a few
     * timeouts pass), then releases them to a random subset: votes that complete an old view's
     * certificate late, while it votes at once in the new view.
     */
    DELAY,
    /** Sends VIEW-CHANGE for arbitrary later views. */
    VIEW_CHANGE_SPAM
}
