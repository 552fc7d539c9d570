package io.cairn.consensus.sim;

/**
 * The simulated network: every packet gets a delay from the {@link NetworkModel}; while faults are
 * on it may be lost, duplicated or held back. Links can be cut one way or both (partitions); a
 * packet is dropped if its link is cut when it is sent or when it would arrive, or if either end
 * crashed meanwhile.
 */
final class SimNetwork {
    /** Hands a packet that survived the trip to its receiver. */
    interface Receiver {
        void receive(int from, int fromIncarnation, int to, int toIncarnation, Packet packet);

        int incarnation(int node);
    }

    private final SimContext context;
    private final boolean[][] cut;
    private NetworkModel model;
    private boolean faulty;
    private Receiver receiver;

    SimNetwork(SimContext context, NetworkModel model) {
        this.context = context;
        this.model = model;
        this.cut = new boolean[context.scenario.n()][context.scenario.n()];
        this.faulty = model.loss() > 0 || model.duplicate() > 0 || model.reorder() > 0;
    }

    void attach(Receiver packetReceiver) {
        this.receiver = packetReceiver;
    }

    void send(int from, int to, Packet packet) {
        if (packet instanceof Packet.Consensus) {
            context.stats.consensusMessages++;
        } else {
            context.stats.syncPackets++;
        }
        if (cut[from][to]) {
            return;
        }
        if (faulty && context.rng.nextDouble() < model.loss()) {
            context.fault(FaultKind.LOSS, from);
            return;
        }
        schedule(from, to, packet);
        if (faulty && context.rng.nextDouble() < model.duplicate()) {
            context.fault(FaultKind.DUPLICATE, from);
            schedule(from, to, packet);
        }
    }

    private void schedule(int from, int to, Packet packet) {
        long delay = model.delay(context.rng);
        if (faulty && context.rng.nextDouble() < model.reorder()) {
            context.fault(FaultKind.REORDER, from);
            delay += 1 + context.rng.nextInt(model.reorderMs());
        }
        int fromIncarnation = receiver.incarnation(from);
        int toIncarnation = receiver.incarnation(to);
        context.timeline.after(delay, () -> {
            if (!cut[from][to]) {
                receiver.receive(from, fromIncarnation, to, toIncarnation, packet);
            }
        });
    }

    boolean isCut(int from, int to) {
        return cut[from][to];
    }

    void setCut(int from, int to, boolean isCut) {
        if (from != to) {
            cut[from][to] = isCut;
        }
    }

    /** Ends every partition and, when {@code stopFaults}, all loss, duplication and reordering. */
    void heal(boolean stopFaults) {
        for (boolean[] row : cut) {
            java.util.Arrays.fill(row, false);
        }
        if (stopFaults) {
            model = model.withoutFaults();
            faulty = false;
        }
    }
}
