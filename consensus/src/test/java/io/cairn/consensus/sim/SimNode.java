package io.cairn.consensus.sim;

import io.cairn.consensus.DurableState;
import io.cairn.consensus.Event;
import io.cairn.consensus.PbftCore;
import io.cairn.consensus.Ready;
import io.cairn.consensus.Ready.Decision;
import io.cairn.consensus.Ready.Outbound;
import io.cairn.consensus.messages.ConsensusMessage;
import io.cairn.consensus.messages.MessageCodec;
import io.cairn.consensus.sim.Chain.StoredBlock;
import io.cairn.consensus.types.Proposal;
import io.cairn.consensus.types.ProposalBuilder;
import io.cairn.crypto.KeyPair;
import io.cairn.crypto.encoding.DecodeException;
import java.util.List;
import java.util.Optional;

/**
 * An honest node: a real, unchanged {@link PbftCore} and the driver the package documentation
 * prescribes (persist, send, apply, acknowledge), with a disk that keeps only the last persisted
 * {@link DurableState} and the committed chain. A crash loses the core and everything in flight; a
 * restart rebuilds the core from the disk. A crash may also be armed to strike in the middle of
 * carrying out a {@link Ready}: after persisting, halfway through sending, or after applying a
 * block but before acknowledging it.
 */
class SimNode {
    enum CrashPoint { NONE, AFTER_PERSIST, MID_SEND, AFTER_APPLY }

    /** Unwinds the driver when an armed crash strikes. */
    private static final class Crashed extends RuntimeException {
        Crashed() {
            super(null, null, false, false);
        }
    }

    static final int SYNC_BATCH = 16;

    final SimContext context;
    final int index;
    final KeyPair key;
    final Chain chain = new Chain();
    final int tickMs;
    PbftCore core;
    int incarnation;
    boolean workPending = true;
    private byte[] disk;
    private CrashPoint armed = CrashPoint.NONE;
    private long armedDowntimeMs;
    /** Blocks decided and not yet applied (applying takes the scenario's apply time). */
    int applying;
    private final BlockSync sync = new BlockSync(this);

    SimNode(SimContext context, int index) {
        this.context = context;
        this.index = index;
        this.key = SimContext.key(index);
        int drift = context.scenario.tickMs() / 10;
        this.tickMs = context.scenario.tickMs() - drift + context.rng.nextInt(2 * drift + 1);
    }

    boolean isUp() {
        return core != null;
    }

    boolean isHonest() {
        return !context.scenario.isByzantine(index);
    }

    /** Builds the core from the disk (nothing the first time), carries out start(), resumes ticking. */
    void boot() {
        Optional<DurableState> restored = Optional.empty();
        if (disk != null) {
            try {
                restored = Optional.of(DurableState.decode(disk));
            } catch (DecodeException e) {
                throw new IllegalStateException("node " + index + " cannot read its own consensus state", e);
            }
        }
        core = new PbftCore(context.config(index), key, builder(), SimBlocks.validator(chain), chain.height(),
                chain.lastCertificate(), restored);
        applying = 0;
        sync.reset();
        guarded(() -> execute(core.start()));
        step(new Event.WorkPending(workPending));
        scheduleTick(incarnation);
    }

    /**
     * Stops the node now: the core, its timers and its packets in flight are gone (they belong to
     * the previous incarnation); the disk stays.
     */
    void crash() {
        core = null;
        incarnation++;
        armed = CrashPoint.NONE;
    }

    /** Crashes at {@code point} while carrying out a later Ready, then stays down {@code downtimeMs}. */
    void arm(CrashPoint point, long downtimeMs) {
        armed = point;
        armedDowntimeMs = downtimeMs;
    }

    boolean isArmed() {
        return armed != CrashPoint.NONE;
    }

    void disarm() {
        armed = CrashPoint.NONE;
    }

    /** Restarts after {@code ms}, unless the node was restarted (or crashed again) meanwhile. */
    void restartAfter(long ms) {
        int down = incarnation;
        context.timeline.after(ms, () -> {
            if (!isUp() && incarnation == down) {
                context.fault(FaultKind.RESTART, index);
                boot();
            }
        });
    }

    void setWork(boolean pending) {
        workPending = pending;
        step(new Event.WorkPending(pending));
    }

    final void step(Event event) {
        guarded(() -> execute(core.step(event)));
    }

    private void guarded(Runnable action) {
        if (!isUp()) {
            return;
        }
        try {
            action.run();
        } catch (Crashed crashed) {
            context.fault(FaultKind.CRASH_MID_READY, index);
            long downtime = armedDowntimeMs;
            crash();
            restartAfter(downtime);
        }
    }

    private void scheduleTick(int alive) {
        context.timeline.after(tickMs, () -> {
            if (incarnation == alive && isUp()) {
                step(new Event.Tick());
                afterTick();
                scheduleTick(alive);
            }
        });
    }

    /** The driver, in the documented order: persist, send, apply and acknowledge, then sync. */
    private void execute(Ready ready) {
        if (SimContext.LOG && !ready.isEmpty()) {
            context.log("node " + index + " h" + core.height() + " v" + core.view() + (core.changingView() ? "*" : "")
                    + " ready: " + ready.messages().stream().map(o -> o.message().toString()).toList()
                    + ready.decisions().stream().map(d -> " DECIDE " + d.height() + " " + d.proposal().digest()).toList()
                    + ready.sync().map(r -> " SYNC " + r).orElse("") + ready.persist().map(p -> " persist").orElse(""));
        }
        if (ready.persist().isPresent()) {
            disk = ready.persist().get().encode();
            if (armed == CrashPoint.AFTER_PERSIST && !ready.messages().isEmpty()) {
                throw new Crashed();
            }
        }
        List<Outbound> messages = ready.messages();
        for (int i = 0; i < messages.size(); i++) {
            if (armed == CrashPoint.MID_SEND && messages.size() >= 2 && i == messages.size() / 2) {
                throw new Crashed();
            }
            send(messages.get(i));
        }
        for (Decision decision : ready.decisions()) {
            applying++;
            int alive = incarnation;
            context.timeline.after(context.scenario.applyMs(), () -> {
                if (incarnation == alive && isUp()) {
                    guarded(() -> applyAndAcknowledge(decision));
                }
            });
        }
        ready.sync().ifPresent(sync::start);
        ready.evidence().forEach(evidence -> context.safety.evidence(index, evidence));
        if (isHonest()) {
            context.stats.highestView = Math.max(context.stats.highestView, core.view());
        }
    }

    /** Executing a block takes the scenario's apply time; then it is stored and acknowledged. */
    private void applyAndAcknowledge(Decision decision) {
        applying--;
        if (!apply(decision)) {
            return;
        }
        if (armed == CrashPoint.AFTER_APPLY) {
            throw new Crashed();
        }
        execute(core.step(new Event.Applied(decision.height())));
        sync.feed();
    }

    private boolean apply(Decision decision) {
        if (decision.height() != chain.height() + 1) {
            context.safety.violation(SafetyChecker.Violation.DRIVER, "node " + index + "'s core decided height " + decision.height()
                    + " on a chain at height " + chain.height());
            return false;
        }
        Proposal proposal = decision.proposal();
        chain.append(new StoredBlock(decision.height(), proposal.bytes(), proposal.digest(), decision.certificate()));
        context.trace.decided(context.now(), index, decision.height(), proposal.digest());
        if (isHonest()) {
            context.stats.committed(proposal.digest(), context.now());
        }
        return true;
    }

    /** Sends what the core asked for; a Byzantine node overrides this to tamper with it. */
    protected void send(Outbound outbound) {
        Packet packet = new Packet.Consensus(MessageCodec.encode(outbound.message()));
        if (outbound.to().isPresent()) {
            context.network.send(index, outbound.to().getAsInt(), packet);
        } else {
            broadcast(packet);
        }
    }

    final void broadcast(Packet packet) {
        for (int to = 0; to < context.scenario.n(); to++) {
            if (to != index) {
                context.network.send(index, to, packet);
            }
        }
    }

    /** A packet arrived (the network checked that both ends are still the same incarnation). */
    void receive(int from, Packet packet) {
        if (packet instanceof Packet.Consensus consensus) {
            try {
                ConsensusMessage message = MessageCodec.decode(consensus.bytes());
                onMessage(message, consensus.bytes());
            } catch (DecodeException e) {
                return; // garbage from a Byzantine node: a real node drops the frame
            }
        } else if (packet instanceof Packet.BlockRequest request) {
            serve(from, request);
        } else {
            sync.onBlocks(from, (Packet.BlockResponse) packet);
        }
    }

    protected void onMessage(ConsensusMessage message, byte[] encoded) {
        context.log("node " + index + " <- " + message);
        step(new Event.Received(message));
    }

    protected void afterTick() {}

    protected ProposalBuilder builder() {
        return (height, view) -> {
            if (height != chain.height() + 1) {
                return Optional.empty();
            }
            Proposal proposal = new SimBlocks.Block(height, chain.head(), index, view, false,
                    context.rng.nextLong() >>> 1, context.scenario.filler()).proposal();
            context.stats.proposed(proposal.digest(), context.now());
            return Optional.of(proposal);
        };
    }

    /** Honest nodes serve blocks from their committed chain. */
    protected void serve(int from, Packet.BlockRequest request) {
        List<StoredBlock> blocks = chain.range(request.from(), request.to(), SYNC_BATCH);
        if (!blocks.isEmpty()) {
            context.network.send(index, from, new Packet.BlockResponse(blocks));
        }
    }
}
