package io.cairn.consensus.sim;

/** Every kind of fault the simulator injects, counted for the summary. */
public enum FaultKind {
    LOSS, DUPLICATE, REORDER, PARTITION, ONE_WAY_PARTITION, ISOLATION, HEAL, CRASH, CRASH_MID_READY, RESTART,
    IDLE, EQUIVOCATION, INVALID_PROPOSAL, FORGED_SIGNATURE, GARBAGE_BYTES, FORGED_SYNC, REPLAY, CONFLICTING_VOTE,
    VIEW_CHANGE_SPAM
}
