package io.cairn.rpc.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.Hash;
import io.cairn.ledger.Block;
import io.cairn.ledger.Receipt;
import io.cairn.ledger.Transaction;
import io.cairn.rpc.api.NodeApi;
import io.cairn.rpc.api.NodeEvent;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Node events to subscribers. The node's threads only drop an event into a bounded queue; one
 * thread of the hub renders each event once per topic and queues it on every subscribed session,
 * which never waits either. Should that thread fall a whole queue behind, the events that did not
 * fit are lost, and every subscribed client is closed with 1013 rather than left with a gap.
 */
final class EventHub implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventHub.class);

    private final NodeApi node;
    private final ObjectMapper mapper;
    private final BlockingQueue<NodeEvent> events;
    private final AtomicLong lost = new AtomicLong();
    private final Map<Topic, Set<Subscription>> byTopic = new EnumMap<>(Topic.class);
    private final Map<Hash, Set<Subscription>> byTransaction = new ConcurrentHashMap<>();
    /** How long stopping waits for the clients to answer the close frames. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);
    private final Set<WsSession> sessions = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();
    private final long pingMillis;
    private final Thread thread;
    private volatile boolean running = true;
    private AutoCloseable fromNode = () -> { };

    EventHub(NodeApi node, ObjectMapper mapper, int backlog, Duration pingInterval) {
        this.node = node;
        this.mapper = mapper;
        this.events = new ArrayBlockingQueue<>(backlog);
        this.pingMillis = pingInterval.toMillis();
        for (Topic topic : Topic.values()) {
            byTopic.put(topic, ConcurrentHashMap.newKeySet());
        }
        this.thread = new Thread(this::run, "cairn-ws-events");
        thread.setDaemon(true);
    }

    /** Subscribes to the node, once for every client, and starts fanning out. */
    void start() {
        fromNode = node.subscribe(this::accept);
        thread.start();
    }

    /** On the node's threads: queues the event, or counts it lost when the queue is full; never waits. */
    void accept(NodeEvent event) {
        if (!events.offer(event)) {
            lost.incrementAndGet();
        }
    }

    void register(WsSession session) {
        sessions.add(session);
    }

    void unregister(WsSession session) {
        synchronized (sessions) {
            sessions.remove(session);
            sessions.notifyAll();
        }
    }

    /** Random, so that one client cannot guess another's ids. */
    String newSubscriptionId() {
        return HexFormat.of().toHexDigits(random.nextLong());
    }

    /**
     * Starts delivering to {@code subscription}, which holds what it gets until its id is on the
     * way to the client. A txStatus subscription is told at once what is known already: committed
     * (and done) or pending.
     */
    void start(Subscription subscription) {
        Optional<Hash> transaction = subscription.transaction();
        if (transaction.isPresent()) {
            byTransaction.compute(transaction.get(), (hash, watching) -> {
                Set<Subscription> set = watching == null ? ConcurrentHashMap.newKeySet() : watching;
                set.add(subscription);
                return set;
            });
        } else {
            byTopic.get(subscription.topic()).add(subscription);
        }
        if (subscription.session().closed()) {
            forget(subscription); // it closed meanwhile, and may have forgotten its subscriptions before this one was in
            return;
        }
        transaction.ifPresent(hash -> tellKnownStatus(subscription, hash));
    }

    /** Stops delivering to {@code subscription}. */
    void forget(Subscription subscription) {
        Optional<Hash> transaction = subscription.transaction();
        if (transaction.isPresent()) {
            byTransaction.computeIfPresent(transaction.get(), (hash, watching) -> {
                watching.remove(subscription);
                return watching.isEmpty() ? null : watching;
            });
        } else {
            byTopic.get(subscription.topic()).remove(subscription);
        }
    }

    private void tellKnownStatus(Subscription subscription, Hash hash) {
        Optional<Receipt> receipt = node.blocks().receipt(hash);
        if (receipt.isPresent()) {
            finish(subscription, render(Notifications.committed(receipt.get())));
            return;
        }
        if (node.pending(hash).isPresent()) {
            subscription.deliverPending(render(Notifications.pending(hash)));
        }
    }

    private void run() {
        long nextPing = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pingMillis);
        while (running) {
            NodeEvent event;
            try {
                long wait = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextPing - System.nanoTime()));
                event = events.poll(wait, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            long missed = lost.getAndSet(0);
            if (missed > 0) {
                fellBehind(missed);
            }
            if (event != null) {
                fanOutSafely(event);
            }
            if (System.nanoTime() - nextPing >= 0) {
                sessions.forEach(WsSession::ping);
                nextPing = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pingMillis);
            }
        }
    }

    private void fanOutSafely(NodeEvent event) {
        try {
            fanOut(event);
        } catch (RuntimeException e) {
            // One bad event must not end notifications for everyone.
            log.error("WebSocket notifications of {} failed", event.getClass().getSimpleName(), e);
        }
    }

    private void fanOut(NodeEvent event) {
        if (event instanceof NodeEvent.BlockCommitted committed) {
            blockCommitted(committed.block());
        } else if (event instanceof NodeEvent.TransactionAdmitted admitted) {
            transactionAdmitted(admitted.hash(), admitted.transaction());
        } else if (event instanceof NodeEvent.ConsensusChanged changed) {
            deliver(Topic.CONSENSUS, () -> Notifications.consensus(changed));
        }
    }

    private void blockCommitted(Block block) {
        deliver(Topic.NEW_BLOCKS, () -> Notifications.newBlock(block));
        if (byTransaction.isEmpty()) {
            return;
        }
        for (Hash hash : block.transactionHashes()) {
            Set<Subscription> watching = byTransaction.get(hash);
            if (watching == null) {
                continue;
            }
            Optional<Receipt> receipt = node.blocks().receipt(hash);
            if (receipt.isEmpty()) {
                log.warn("Block {} holds transaction {}, but the store has no receipt for it", block.height(), hash);
                continue;
            }
            String result = render(Notifications.committed(receipt.get()));
            watching.forEach(subscription -> finish(subscription, result));
        }
    }

    private void transactionAdmitted(Hash hash, Transaction tx) {
        deliver(Topic.NEW_TRANSACTIONS, () -> Notifications.newTransaction(hash, tx));
        Set<Subscription> watching = byTransaction.get(hash);
        if (watching != null) {
            String result = render(Notifications.pending(hash));
            watching.forEach(subscription -> subscription.deliverPending(result));
        }
    }

    /** The last notification of a txStatus subscription, which then ends and frees its slot. */
    private void finish(Subscription subscription, String result) {
        if (subscription.deliverLast(result)) {
            forget(subscription);
            subscription.session().ended(subscription);
        }
    }

    /** Renders the result once, only if someone listens, and queues it for each subscription. */
    private void deliver(Topic topic, Supplier<ObjectNode> result) {
        Set<Subscription> subscribed = byTopic.get(topic);
        if (subscribed.isEmpty()) {
            return;
        }
        String rendered = render(result.get());
        subscribed.forEach(subscription -> subscription.deliver(rendered));
    }

    private void fellBehind(long missed) {
        int closed = 0;
        for (WsSession session : sessions) {
            if (session.subscribed() && session.close(StatusCode.TRY_AGAIN_LATER,
                    "notifications lost: the server fell " + missed + " events behind")) {
                closed++;
            }
        }
        log.warn("WebSocket notifications fell behind: {} node events lost, {} subscribed clients closed",
                missed, closed);
    }

    private String render(ObjectNode json) {
        try {
            return mapper.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always renders", e);
        }
    }

    /** Stops the thread, leaves the node, and closes every session with 1001 (going away). */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            fromNode.close();
        } catch (Exception e) {
            log.warn("Could not leave the node's events: {}", e.toString());
        }
        sessions.forEach(session -> session.close(StatusCode.SHUTDOWN, "the server is stopping"));
        awaitClosed();
        sessions.clear();
    }

    /**
     * A close frame is only queued by {@code close}: wait, a little, for the clients' answers, so that
     * the server's stopping does not cut the connections before they learn why (1006 instead of 1001).
     */
    private void awaitClosed() {
        long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
        synchronized (sessions) {
            long left;
            while (!sessions.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(sessions, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
