package io.cairn.node.chain;

import io.cairn.consensus.Event;
import io.cairn.consensus.PbftCore;
import io.cairn.consensus.Ready;
import io.cairn.consensus.Ready.Decision;
import io.cairn.consensus.Ready.Outbound;
import io.cairn.ledger.Block;
import io.cairn.ledger.state.InvalidBlockException;
import io.cairn.node.wire.NodeMessage;
import io.cairn.node.wire.NodeMessageCodec;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that runs the consensus core. Network handlers and the tick scheduler only
 * enqueue; this thread takes one item at a time, steps the core and carries out each
 * {@link Ready} in the order the core's package documentation fixes: persist (synced, in the
 * store) &rarr; send &rarr; apply (commit the block) &rarr; acknowledge. Tasks that must see the
 * core's state (block sync) run on this thread too.
 */
public final class ConsensusDriver implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConsensusDriver.class);
    private static final Object TICK = new Object();
    private static final Object WAKE = new Object();

    /** Where consensus stands, published after every step for other threads to read. */
    public record Position(long height, long view, int primary, boolean changingView) {}

    /** Where the driver's messages go; implementations queue and return at once. */
    public interface Outbox {
        void send(int validator, byte[] payload);

        void broadcast(byte[] payload);
    }

    private final PbftCore core;
    private final LedgerChain chain;
    private final Outbox outbox;
    private final Optional<VoteLog> voteLog;
    private final Consumer<Ready.SyncRequest> syncRequests;
    private final Consumer<Block> committed;
    private final BlockingQueue<Object> queue;
    private final AtomicBoolean tickQueued = new AtomicBoolean();
    private final AtomicBoolean workChanged = new AtomicBoolean(true);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final long maxQueuedBytes;
    private final List<Consumer<Position>> positionListeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Position position;
    private volatile Throwable failure;
    private boolean reportedWork;

    public ConsensusDriver(PbftCore core, LedgerChain chain, Outbox outbox, Optional<VoteLog> voteLog,
            Consumer<Ready.SyncRequest> syncRequests, Consumer<Block> committed, int queueCapacity,
            long maxQueuedBytes) {
        this.maxQueuedBytes = maxQueuedBytes;
        this.core = core;
        this.chain = chain;
        this.outbox = outbox;
        this.voteLog = voteLog;
        this.syncRequests = syncRequests;
        this.committed = committed;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.thread = new Thread(this::run, "consensus");
        publish();
    }

    /** Any thread: the height being decided, its view and primary, as of the last step. */
    public Position position() {
        return position;
    }

    /**
     * Calls {@code listener} on the consensus thread with each new position (a new height or view, a
     * view change started); it must return at once and never throw.
     */
    public void onPositionChange(Consumer<Position> listener) {
        positionListeners.add(listener);
    }

    private void publish() {
        Position previous = position;
        Position next = new Position(core.height(), core.view(), core.primary(), core.changingView());
        position = next;
        if (previous != null && !next.equals(previous)) {
            for (Consumer<Position> listener : positionListeners) {
                try {
                    listener.accept(next);
                } catch (RuntimeException e) {
                    log.warn("A consensus position listener failed: {}", e.toString()); // consensus goes on regardless
                }
            }
        }
    }

    /** Carries out the core's start (resend a view change, or propose) and starts the thread. */
    public void start() {
        thread.start();
    }

    /**
     * From any thread: a decoded message from the network, {@code size} bytes on the wire. Dropped
     * and counted when the queue is full, by count or by bytes: blocks ride in consensus messages,
     * and a flood of them must not grow memory faster than this thread checks them.
     */
    public void received(Event.Received event, int size) {
        if (queuedBytes.addAndGet(size) > maxQueuedBytes) {
            queuedBytes.addAndGet(-size);
            dropped.incrementAndGet();
            return;
        }
        if (!offer(new Sized(event, size))) {
            queuedBytes.addAndGet(-size);
        }
    }

    private record Sized(Event.Received event, int size) {}

    /** From the scheduler: one tick; at most one waits in the queue. */
    public void tick() {
        if (tickQueued.compareAndSet(false, true) && !queue.offer(TICK)) {
            tickQueued.set(false);
        }
    }

    /** From any thread: the mempool changed, so whether there is work may have too. */
    public void workChanged() {
        if (!workChanged.getAndSet(true)) {
            queue.offer(WAKE); // when full, the thread is busy and sees the flag anyway
        }
    }

    /** From any thread: runs {@code task} on the consensus thread, with {@link #step} allowed. */
    public boolean execute(Runnable task) {
        return offer(task);
    }

    /** On the consensus thread only: feeds one event to the core and carries out what it asks. */
    public void step(Event event) {
        carryOut(core.step(event));
        publish();
    }

    public PbftCore core() {
        return core;
    }

    public long droppedEvents() {
        return dropped.get();
    }

    /** Why the driver stopped on its own, if it did: it never goes on past a block it cannot apply. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    private boolean offer(Object item) {
        if (!running || !queue.offer(item)) {
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    private void run() {
        try {
            carryOut(core.start());
            publish();
            while (running) {
                Object item = queue.poll(100, TimeUnit.MILLISECONDS);
                if (item == TICK) {
                    tickQueued.set(false);
                    step(new Event.Tick());
                } else if (item instanceof Sized sized) {
                    queuedBytes.addAndGet(-sized.size());
                    step(sized.event());
                } else if (item instanceof Event event) {
                    step(event);
                } else if (item instanceof Runnable task) {
                    task.run();
                }
                reportWork();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
            running = false;
            log.error("Consensus stopped at height {}: {}", core.height(), e.toString(), e);
        }
    }

    /** Tells the core whether there is work only when the answer changed: it drives proposing. */
    private void reportWork() {
        if (workChanged.getAndSet(false)) {
            boolean work = chain.workPending();
            if (work != reportedWork) {
                reportedWork = work;
                step(new Event.WorkPending(work));
            }
        }
    }

    private void carryOut(Ready first) {
        Deque<Ready> pending = new ArrayDeque<>();
        pending.add(first);
        while (!pending.isEmpty()) {
            Ready ready = pending.poll();
            ready.persist().ifPresent(state -> chain.store().saveConsensusState(state.encode()));
            voteLog.ifPresent(votes -> votes.record(ready.messages()));
            for (Outbound outbound : ready.messages()) {
                byte[] payload = NodeMessageCodec.encode(new NodeMessage.Consensus(outbound.message()));
                if (outbound.to().isPresent()) {
                    outbox.send(outbound.to().getAsInt(), payload);
                } else {
                    outbox.broadcast(payload);
                }
            }
            for (Decision decision : ready.decisions()) {
                apply(decision);
                pending.add(core.step(new Event.Applied(decision.height())));
            }
            ready.sync().ifPresent(syncRequests);
            ready.evidence().forEach(evidence -> log.warn("Validator {} signed two different blocks: {} and {}",
                    evidence.validator(), evidence.first(), evidence.second()));
        }
    }

    private void apply(Decision decision) {
        Block block;
        try {
            block = chain.commit(decision);
        } catch (InvalidBlockException e) {
            throw new IllegalStateException("block " + decision.height() + " is final (certificate of view "
                    + decision.certificate().view() + ") but does not apply here: " + e.getMessage(), e);
        }
        workChanged.set(true);
        log.info("Committed block {} ({} transactions, view {}, hash {})", block.height(),
                block.transactions().size(), decision.certificate().view(), block.hash());
        committed.accept(block);
    }

    /** Stops the thread; what is queued is dropped (consensus recovers it from peers). */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        voteLog.ifPresent(votes -> {
            try {
                votes.close();
            } catch (java.io.IOException e) {
                log.warn("Could not close the vote log: {}", e.getMessage());
            }
        });
    }
}
