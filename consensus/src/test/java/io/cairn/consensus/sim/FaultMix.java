package io.cairn.consensus.sim;

/** Which faults a run may draw during its fault phase. */
public enum FaultMix {
    CALM(false, false, false, false),
    LOSSY(true, false, false, false),
    PARTITIONS(true, true, false, false),
    CRASHES(true, false, true, false),
    BYZANTINE(false, false, false, true),
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
