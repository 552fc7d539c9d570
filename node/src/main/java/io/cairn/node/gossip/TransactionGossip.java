package io.cairn.node.gossip;

import io.cairn.node.wire.NodeMessage.Transactions;
import io.cairn.node.wire.NodeMessageCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Floods transactions that clients submitted to this node to every validator, in batches. The
 * validators are fully connected, so one hop reaches them all: transactions that arrive by gossip
 * are not sent on again. Receivers drop duplicates by hash in the mempool before any signature
 * check. A transaction therefore reaches whichever validator is primary when it is proposed.
 */
public final class TransactionGossip {
    private final ConcurrentLinkedQueue<byte[]> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicLong waitingBytes = new AtomicLong();
    private final Consumer<byte[]> broadcast;
    private final int maxBatchBytes;

    /** @param broadcast sends one encoded {@link Transactions} payload to every connected validator */
    public TransactionGossip(Consumer<byte[]> broadcast, int maxBatchBytes) {
        this.broadcast = broadcast;
        this.maxBatchBytes = maxBatchBytes;
    }

    /** Any thread: a transaction this node admitted from a client. */
    public void offer(byte[] encoded) {
        waiting.add(encoded);
        waitingBytes.addAndGet(encoded.length);
    }

    /** From the scheduler: sends what waits, in batches bounded by count and bytes. */
    public void flush() {
        while (!waiting.isEmpty()) {
            List<byte[]> batch = new ArrayList<>();
            int bytes = 3;
            byte[] next;
            while (batch.size() < NodeMessageCodec.MAX_BATCH && (next = waiting.peek()) != null
                    && (batch.isEmpty() || bytes + 4 + next.length <= maxBatchBytes)) {
                waiting.poll();
                waitingBytes.addAndGet(-next.length);
                batch.add(next);
                bytes += 4 + next.length;
            }
            broadcast.accept(NodeMessageCodec.encode(new Transactions(batch)));
        }
    }

    public long waitingBytes() {
        return waitingBytes.get();
    }
}
