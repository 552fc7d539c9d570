package io.cairn.consensus.validation;

import io.cairn.consensus.ConsensusConfig.PlantedBug;
import io.cairn.consensus.messages.PreparedCertificate;
import io.cairn.consensus.messages.ViewChange;
import java.util.List;
import java.util.Optional;

/**
 * Which block a new view must propose at {@code height} (PBFT section 4.4, "new-view"): the block
 * of the prepared certificate with the highest view among the view changes for that height, or,
 * when none has one, any block. The new primary uses it to build NEW-VIEW and every backup uses it
 * again to check one; a block that may have committed anywhere is thus never replaced.
 */
public final class NewViewRules {
    private NewViewRules() {}

    public static Optional<ViewChange> highestPrepared(List<ViewChange> viewChanges, long height, PlantedBug bug) {
        if (bug == PlantedBug.IGNORE_PREPARED_CERTIFICATES) {
            return Optional.empty();
        }
        ViewChange best = null;
        for (ViewChange viewChange : viewChanges) {
            Optional<PreparedCertificate> prepared = viewChange.prepared();
            if (viewChange.height() == height && prepared.isPresent()
                    && (best == null || prepared.get().view() > best.prepared().orElseThrow().view())) {
                best = viewChange;
            }
        }
        return Optional.ofNullable(best);
    }
}
