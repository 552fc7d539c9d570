package io.cairn.consensus.sim;

import java.util.StringJoiner;

/**
 * Once faults stop and the network heals, every honest node (crashed ones restarted) must reach
 * the target height, {@link Scenario#livenessHeights} past the highest honest height at healing,
 * within {@link Scenario#livenessBoundMs}.
 */
final class LivenessChecker {
    private final SimContext context;
    private long healedAt = -1;
    private long target;
    private long reachedAt = -1;

    LivenessChecker(SimContext context) {
        this.context = context;
    }

    void healed() {
        healedAt = context.now();
        target = context.safety.highestCommitted() + context.scenario.livenessHeights();
    }

    boolean started() {
        return healedAt >= 0;
    }

    long deadline() {
        return healedAt + context.scenario.livenessBoundMs();
    }

    long target() {
        return target;
    }

    /** True once every honest node is up and at the target; remembers when. */
    boolean reached() {
        if (!started()) {
            return false;
        }
        for (SimNode node : context.nodes) {
            if (node.isHonest() && (!node.isUp() || node.chain.height() < target)) {
                return false;
            }
        }
        if (reachedAt < 0) {
            reachedAt = context.now();
        }
        return true;
    }

    /** How long after healing the target was reached. */
    long recoveryMs() {
        return reachedAt - healedAt;
    }

    String failure() {
        StringJoiner nodes = new StringJoiner(", ");
        for (SimNode node : context.nodes) {
            if (node.isHonest()) {
                nodes.add("node " + node.index + (node.isUp() ? "" : " (down)") + " at height " + node.chain.height()
                        + (node.isUp() ? " view " + node.core.view() + (node.core.changingView() ? " (changing)" : "")
                                + " deciding " + node.core.height() : ""));
            }
        }
        return "honest nodes did not all reach height " + target + " within " + context.scenario.livenessBoundMs()
                + " ms after the network healed at " + healedAt + " ms: " + nodes;
    }
}
