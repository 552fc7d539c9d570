package io.cairn.node.metrics;

import io.cairn.ledger.Block;
import io.cairn.ledger.state.Rejection;
import io.cairn.node.chain.ConsensusDriver.Position;
import io.cairn.node.mempool.Admission;
import io.cairn.node.p2p.DisconnectReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

/**
 * The node's metrics in one Prometheus registry (docs/metrics.md lists them). Levels and totals
 * the node already keeps are read through functions at scrape time ({@link #watch}); what only
 * happens in a moment (a block committed, a view change) is counted as it happens, by the
 * driver's callbacks. Thread-safe: the consensus thread feeds it, RPC threads scrape it.
 */
public final class NodeMetrics {
    /**
     * Where commit latencies are bucketed: from a local network to a slow view change. Quantiles come
     * from these buckets ({@code histogram_quantile} in PromQL): the Prometheus client publishes a
     * metric either as a histogram or as a summary, and a histogram adds up across nodes.
     */
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2_500), Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final LongSupplier clockMillis;
    private final Counter blocksCommitted;
    private final Counter transactionsCommitted;
    private final Counter viewChanges;
    private final Timer commitLatency;
    private final Set<String> refusalReasons = ConcurrentHashMap.newKeySet();
    private volatile long lastCommitMillis;
    private volatile Position lastPosition;
    /** Held here: Micrometer keeps only weak references to what its gauges read. */
    private volatile NodeReadings readings;

    /** @param clockMillis the wall clock, in milliseconds since the epoch (block timestamps are too) */
    public NodeMetrics(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
        this.lastCommitMillis = clockMillis.getAsLong();
        blocksCommitted = Counter.builder("cairn.blocks.committed")
                .description("Blocks this node committed since it started").register(registry);
        transactionsCommitted = Counter.builder("cairn.transactions.committed")
                .description("Transactions in the blocks this node committed since it started").register(registry);
        viewChanges = Counter.builder("cairn.consensus.view.changes")
                .description("Views this node moved to at a height it had not decided").register(registry);
        commitLatency = Timer.builder("cairn.block.commit.latency")
                .description("From a block's timestamp (set by its proposer) to its commit on this node")
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
    }

    /**
     * Registers the gauges and the counters the node keeps itself, read from {@code readings};
     * once, before the driver starts.
     */
    public void watch(NodeReadings readings) {
        if (this.readings != null) {
            throw new IllegalStateException("the metrics already watch a node");
        }
        this.readings = readings;
        this.lastPosition = readings.position();
        gauge("cairn.height", "Height of the last committed block", null, r -> r.height());
        gauge("cairn.consensus.view", "View at the height being decided", null, r -> r.position().view());
        gauge("cairn.sync.in.progress", "1 while blocks are fetched from peers, else 0", null,
                r -> r.syncing() ? 1 : 0);
        gauge("cairn.mempool.transactions", "Transactions pending in the mempool", null, r -> r.mempool().pending());
        gauge("cairn.mempool", "Encoded size of the pending transactions", "bytes", r -> r.mempool().pendingBytes());
        gauge("cairn.peers.connected", "Validators connected to this node", null, r -> r.connectedPeers());
        counter("cairn.consensus.events.dropped", "Consensus events dropped because the driver's queue was full",
                null, r -> r.consensusEventsDropped());
        counter("cairn.transactions.admitted", "Transactions admitted to the mempool, from clients and by gossip",
                null, r -> r.mempool().admitted());
        knownRefusalReasons().forEach(this::watchRefusals);
        watchNetwork();
    }

    private void watchNetwork() {
        counter("cairn.p2p.received", "Payload bytes received from peers", "bytes", r -> r.network().bytesIn());
        counter("cairn.p2p.sent", "Payload bytes sent to peers", "bytes", r -> r.network().bytesOut());
        counter("cairn.p2p.messages.received", "Messages received from peers", null, r -> r.network().framesIn());
        counter("cairn.p2p.messages.sent", "Messages sent to peers", null, r -> r.network().framesOut());
        FunctionCounter.builder("cairn.p2p.messages.dropped", this, m -> m.readings.network().droppedQueueFull())
                .description("Messages not sent, by reason").tag("reason", "queue_full").register(registry);
        FunctionCounter.builder("cairn.p2p.messages.dropped", this, m -> m.readings.network().droppedNotConnected())
                .description("Messages not sent, by reason").tag("reason", "not_connected").register(registry);
        counter("cairn.p2p.dial.failures", "Outbound connection attempts that did not reach the peer", null,
                r -> r.network().dialFailures());
        for (DisconnectReason reason : DisconnectReason.values()) {
            FunctionCounter.builder("cairn.p2p.connections.closed", this, m -> m.readings.network().closed(reason))
                    .description("Peer connections that ended, by reason")
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(registry);
        }
    }

    /** On the consensus thread: {@code block} is committed; {@code syncing} when block sync brought it. */
    public void blockCommitted(Block block, boolean syncing) {
        long now = clockMillis.getAsLong();
        lastCommitMillis = now;
        blocksCommitted.increment();
        transactionsCommitted.increment(block.transactions().size());
        if (!syncing) {
            // A synced block's age says how far behind this node was, not how fast consensus is.
            commitLatency.record(Duration.ofMillis(Math.max(0, now - block.header().timestampMillis())));
        }
    }

    /** On the consensus thread: consensus moved; a higher view at the same height is a view change. */
    public void positionChanged(Position position) {
        Position previous = lastPosition;
        lastPosition = position;
        if (previous == null) {
            return;
        }
        long from = position.height() == previous.height() ? previous.view() : 0; // each height starts at view 0
        if (position.view() > from) {
            viewChanges.increment(position.view() - from);
        }
    }

    /** When this node last committed a block, or when it started if it has not yet. */
    public long lastCommitMillis() {
        return lastCommitMillis;
    }

    /** Every metric in the Prometheus text format, version 0.0.4. */
    public String scrape() {
        NodeReadings current = readings;
        if (current != null) {
            // A reason the list above does not know yet still gets its own series.
            current.mempool().refused().keySet().forEach(this::watchRefusals);
        }
        return registry.scrape();
    }

    private void watchRefusals(String reason) {
        if (refusalReasons.add(reason)) {
            FunctionCounter.builder("cairn.transactions.refused", this,
                            m -> m.readings.mempool().refused().getOrDefault(reason, 0L))
                    .description("Transactions the mempool refused, by reason").tag("reason", reason)
                    .register(registry);
        }
    }

    private static Set<String> knownRefusalReasons() {
        Set<String> reasons = new java.util.TreeSet<>(Set.of(Admission.MALFORMED, Admission.DUPLICATE,
                Admission.NONCE_TAKEN, Admission.MEMPOOL_FULL));
        for (Rejection.Reason reason : Rejection.Reason.values()) {
            reasons.add(reason.code());
        }
        return reasons;
    }

    private void gauge(String name, String description, String unit, ToDoubleFunction<NodeReadings> value) {
        Gauge.builder(name, this, m -> value.applyAsDouble(m.readings)).description(description).baseUnit(unit)
                .register(registry);
    }

    private void counter(String name, String description, String unit, ToDoubleFunction<NodeReadings> value) {
        FunctionCounter.builder(name, this, m -> value.applyAsDouble(m.readings)).description(description)
                .baseUnit(unit).register(registry);
    }
}
