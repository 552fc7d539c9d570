package io.cairn.consensus.sim;

import io.cairn.consensus.sim.SimNode.CrashPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The nemesis: during the fault phase it forms and heals partitions (symmetric splits, one-way
 * cuts, isolated nodes), crashes honest nodes (at once, or armed to strike in the middle of a
 * Ready) and restarts them, and pauses the client load. Then it heals everything: no more loss,
 * duplication, reordering or partitions, every crashed honest node restarted, load back on.
 * Byzantine validators keep misbehaving; PBFT must make progress despite them.
 */
final class FaultInjector {
    private final SimContext context;
    private boolean active = true;

    FaultInjector(SimContext context) {
        this.context = context;
    }

    void schedule() {
        Scenario scenario = context.scenario;
        if (scenario.partitionEveryMs() > 0 && scenario.n() > 1) {
            every(scenario.partitionEveryMs(), this::partition);
        }
        if (scenario.clogEveryMs() > 0) {
            every(scenario.clogEveryMs(), this::clog);
        }
        if (scenario.crashEveryMs() > 0) {
            every(scenario.crashEveryMs(), this::crash);
        }
        if (scenario.idleEveryMs() > 0) {
            every(scenario.idleEveryMs(), this::pauseLoad);
        }
        context.timeline.at(scenario.faultPhaseMs(), this::heal);
    }

    /** Runs {@code action} at exponentially distributed intervals of mean {@code meanMs} until healing. */
    private void every(int meanMs, Runnable action) {
        long delay = 1 + (long) (-Math.log(1 - context.rng.nextDouble()) * meanMs);
        context.timeline.after(delay, () -> {
            if (active && context.now() < context.scenario.faultPhaseMs()) {
                action.run();
                every(meanMs, action);
            }
        });
    }

    private void partition() {
        int n = context.scenario.n();
        SimNetwork network = context.network;
        switch (context.rng.nextInt(5)) {
            case 0 -> {
                network.heal(false);
                context.fault(FaultKind.HEAL, -1);
            }
            case 1, 2 -> {
                boolean[] side = new boolean[n];
                int first = context.rng.nextInt(n);
                int second = context.otherThan(first);
                side[second] = true;
                for (int i = 0; i < n; i++) {
                    if (i != first && i != second) {
                        side[i] = context.rng.nextBoolean();
                    }
                }
                network.heal(false);
                for (int a = 0; a < n; a++) {
                    for (int b = 0; b < n; b++) {
                        network.setCut(a, b, side[a] != side[b]);
                    }
                }
                context.fault(FaultKind.PARTITION, first);
            }
            case 3 -> {
                int links = 1 + context.rng.nextInt(n);
                for (int i = 0; i < links; i++) {
                    int from = context.rng.nextInt(n);
                    network.setCut(from, context.otherThan(from), true);
                }
                context.fault(FaultKind.ONE_WAY_PARTITION, -1);
            }
            default -> {
                int node = context.rng.nextInt(n);
                for (int other = 0; other < n; other++) {
                    network.setCut(node, other, true);
                    network.setCut(other, node, true);
                }
                context.fault(FaultKind.ISOLATION, node);
            }
        }
    }

    /**
     * FoundationDB's clogging: one node's links, in one direction or both, cut for 1 to 50 ms, a
     * burst of loss that lands on whatever is in flight, often a round's last votes.
     */
    private void clog() {
        int n = context.scenario.n();
        int node = context.rng.nextInt(n);
        int direction = context.rng.nextInt(3); // 0 outgoing, 1 incoming, 2 both
        List<int[]> clogged = new ArrayList<>();
        for (int other = 0; other < n; other++) {
            if (other != node && direction != 1 && !context.network.isCut(node, other)) {
                clogged.add(new int[] {node, other});
            }
            if (other != node && direction != 0 && !context.network.isCut(other, node)) {
                clogged.add(new int[] {other, node});
            }
        }
        clogged.forEach(link -> context.network.setCut(link[0], link[1], true));
        context.fault(FaultKind.CLOG, node);
        context.timeline.after(1 + context.rng.nextInt(50),
                () -> clogged.forEach(link -> context.network.setCut(link[0], link[1], false)));
    }

    private void crash() {
        List<SimNode> candidates = new ArrayList<>();
        int unavailable = 0;
        for (SimNode node : context.nodes) {
            if (node.isHonest()) {
                if (!node.isUp() || node.isArmed()) {
                    unavailable++;
                } else {
                    candidates.add(node);
                }
            }
        }
        if (candidates.isEmpty() || unavailable >= context.scenario.maxCrashed()) {
            return;
        }
        SimNode node = candidates.get(context.rng.nextInt(candidates.size()));
        long downtime = 10 + context.rng.nextInt(context.scenario.maxDowntimeMs());
        if (context.rng.nextInt(3) == 0) {
            CrashPoint[] points = {CrashPoint.AFTER_PERSIST, CrashPoint.MID_SEND, CrashPoint.AFTER_APPLY};
            node.arm(points[context.rng.nextInt(points.length)], downtime);
        } else {
            context.fault(FaultKind.CRASH, node.index);
            node.crash();
            node.restartAfter(downtime);
        }
    }

    private void pauseLoad() {
        context.fault(FaultKind.IDLE, -1);
        setLoad(false);
        context.timeline.after(50 + context.rng.nextInt(500), () -> setLoad(true));
    }

    private void setLoad(boolean pending) {
        for (SimNode node : context.nodes) {
            if (node.isHonest()) {
                node.setWork(pending);
            }
        }
    }

    private void heal() {
        active = false;
        context.network.heal(true);
        for (SimNode node : context.nodes) {
            if (node.isHonest()) {
                node.disarm();
                if (!node.isUp()) {
                    context.fault(FaultKind.RESTART, node.index);
                    node.workPending = true;
                    node.boot();
                }
            }
        }
        setLoad(true);
    }
}
