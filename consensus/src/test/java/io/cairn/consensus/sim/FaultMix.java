package io.cairn.consensus.sim;

/** Which faults a run may draw during its fault phase. */
public enum FaultMix {
    CALM(false, false, false, false),
    LOSSY(true, false, false, false),
    PARTITIONS(true, true, false, false),
    CRASHES(true, false, true, false),
    /** Byzantine validators over a lossy network. */
    BYZANTINE(true, false, false, true),
    /** A fast, slightly lossy network whose timeouts barely exceed a block's latency: view changes race commits. */
    VIEW_CHANGE_RACES(true, false, false, false),
    /** Everything at once: loss, partitions, crashes, Byzantine validators, idle periods. */
    CHAOS(true, true, true, true);

    final boolean lossy;
    final boolean partitions;
    final boolean crashes;
    final boolean byzantine;

    FaultMix(boolean lossy, boolean partitions, boolean crashes, boolean byzantine) {
        this.lossy = lossy;
        this.partitions = partitions;
        this.crashes = crashes;
        this.byzantine = byzantine;
    }
}
