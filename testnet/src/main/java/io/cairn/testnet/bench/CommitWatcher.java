package io.cairn.testnet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Polls one node for blocks above the starting height and stamps each transaction hash with the time its block was
 * seen: the commit time of the submit→commit latency. Polling every few milliseconds bounds the error it adds.
 * When the node it polls stops answering (a fault test killed it), it moves on to the next node: all of them hold
 * the same chain.
 */
public final class CommitWatcher {
    private static final int MAX_BLOCKS_PER_POLL = 100;

    private final List<NodeRpc> nodes;
    private volatile NodeRpc node;
    private int current;
    private final LongSupplier clockMillis;
    private final Map<String, Long> committedAt = new ConcurrentHashMap<>();
    private final AtomicLong blocks = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong ours = new AtomicLong();
    private final Set<String> watched;
    private volatile long seenHeight;

    /** @param watched the hashes whose commits {@link #committedOfWatched()} counts (the run's pre-signed ones) */
    public CommitWatcher(List<NodeRpc> nodes, LongSupplier clockMillis, Set<String> watched) {
        this.watched = watched;
        this.nodes = List.copyOf(nodes);
        this.node = this.nodes.get(0);
        this.clockMillis = clockMillis;
    }

    /** Remembers the current head: only later blocks count. */
    public void start() throws IOException {
        IOException last = null;
        for (int tries = 0; tries < nodes.size(); tries++) {
            try {
                seenHeight = headHeight();
                return;
            } catch (IOException e) {
                last = e;
                nextNode();
            }
        }
        throw last;
    }

    /** Fetches the blocks committed since the last poll; returns how many (0 when the node did not answer). */
    public int poll() {
        try {
            return fetchNewBlocks();
        } catch (IOException e) {
            nextNode();
            return 0;
        }
    }

    private void nextNode() {
        current = (current + 1) % nodes.size();
        node = nodes.get(current);
    }

    private int fetchNewBlocks() throws IOException {
        long head = headHeight();
        if (head <= seenHeight) {
            return 0;
        }
        long to = Math.min(head, seenHeight + MAX_BLOCKS_PER_POLL);
        List<Map<String, Long>> heights = new ArrayList<>();
        for (long h = seenHeight + 1; h <= to; h++) {
            heights.add(Map.of("height", h));
        }
        List<JsonNode> answers = node.batch("chain_getBlock", heights);
        long now = clockMillis.getAsLong();
        for (JsonNode answer : answers) {
            JsonNode block = answer.path("result");
            if (!block.isObject()) {
                throw new IOException(node.endpoint() + " did not return a block it listed: " + answer);
            }
            blocks.incrementAndGet();
            for (JsonNode tx : block.path("transactions")) {
                transactions.incrementAndGet();
                String hash = tx.path("hash").asText();
                if (committedAt.putIfAbsent(hash, now) == null && watched.contains(hash)) {
                    ours.incrementAndGet();
                }
            }
        }
        seenHeight = to;
        return answers.size();
    }

    private long headHeight() throws IOException {
        JsonNode headers = node.call("chain_getBlocks", Map.of("limit", 1));
        return headers.isArray() && headers.size() > 0 ? headers.get(0).path("height").asLong() : 0;
    }

    /** When the block holding {@code hash} was seen, or null. */
    public Long committedAt(String hash) {
        return committedAt.get(hash);
    }

    /** How many of the watched transactions are committed. */
    public long committedOfWatched() {
        return ours.get();
    }

    public long blocks() {
        return blocks.get();
    }

    /** Every transaction in the blocks seen, ours or not. */
    public long transactions() {
        return transactions.get();
    }
}
