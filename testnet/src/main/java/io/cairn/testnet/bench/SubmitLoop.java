package io.cairn.testnet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Sends a {@link PresignedLoad} to the nodes: one worker thread per node, each owning the accounts {@code k} with
 * {@code k % nodes == worker}, so one account's transactions always go to one node in nonce order. A batch holds at
 * most {@code window} not-yet-admitted transactions per account from its first unadmitted nonce; a refusal that
 * says "later" ({@code mempool_full}, {@code nonce_too_high}) is retried after a back-off, one that says "never"
 * ends that account.
 */
public final class SubmitLoop {
    /** Refusals worth retrying: the node may take the same transaction later. */
    static final Set<String> RETRY = Set.of("mempool_full", "nonce_too_high");
    /** Refusals that only mean this nonce is used already: skip to the next. */
    static final Set<String> SKIP = Set.of("nonce_too_low", "nonce_taken");
    static final String REQUEST_FAILED = "request_failed";
    /**
     * At a fixed rate, a batch holds at most this long of one node's share, so that load arrives as a steady stream:
     * a batch of 200 every 640 ms would make every node verify bursts of hundreds of signatures at once, and measure
     * the burst's queue rather than the network's latency.
     */
    static final int PACED_BATCH_MILLIS = 20;

    /**
     * @param ratePerSecond the whole network's submission rate; 0 submits as fast as the nodes take them
     * @param deadlineMillis when to stop submitting (clock time), or {@code Long.MAX_VALUE}
     */
    public record Settings(int batchSize, int window, double ratePerSecond, long deadlineMillis, long maxBackoffMillis) {
        public Settings {
            if (batchSize < 1 || window < 1) {
                throw new IllegalArgumentException("batch size and window must be at least 1");
            }
            if (ratePerSecond < 0) {
                throw new IllegalArgumentException("the rate must not be negative, got " + ratePerSecond);
            }
        }
    }

    private final List<NodeRpc> nodes;
    private final PresignedLoad load;
    private final Settings settings;
    private final RejectionTally rejected;
    private final LongSupplier clockMillis;
    private final Map<String, Long> submittedAt = new ConcurrentHashMap<>();
    private final AtomicLong submitted = new AtomicLong();
    private volatile boolean stopped;

    public SubmitLoop(List<NodeRpc> nodes, PresignedLoad load, Settings settings, RejectionTally rejected,
            LongSupplier clockMillis) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("bench needs at least one node to submit to");
        }
        this.nodes = List.copyOf(nodes);
        this.load = load;
        this.settings = settings;
        this.rejected = rejected;
        this.clockMillis = clockMillis;
    }

    /** Submits until every transaction is admitted or given up, or the deadline passes; blocks until then. */
    public void run() throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < nodes.size(); w++) {
            int worker = w;
            Thread thread = new Thread(() -> new Worker(worker).run(), "bench-submit-" + w);
            thread.setDaemon(true);
            workers.add(thread);
            thread.start();
        }
        for (Thread thread : workers) {
            thread.join();
        }
    }

    public void stop() {
        stopped = true;
    }

    /** Admitted transactions so far. */
    public long submitted() {
        return submitted.get();
    }

    /** When each admitted transaction's request was sent, by hash. */
    public Map<String, Long> submittedAt() {
        return submittedAt;
    }

    /** The accounts of one worker, each with its first unadmitted nonce and what beyond it is admitted. */
    private final class Worker {
        private final NodeRpc node;
        private final List<AccountCursor> accounts = new ArrayList<>();
        private final double ratePerMilli;
        private final int batchSize;
        private double nextSendMillis;
        private long backoffMillis;

        Worker(int index) {
            node = nodes.get(index);
            for (int k = index; k < load.accounts(); k += nodes.size()) {
                accounts.add(new AccountCursor(load.of(k)));
            }
            ratePerMilli = settings.ratePerSecond() / nodes.size() / 1000.0;
            batchSize = ratePerMilli <= 0 ? settings.batchSize()
                    : (int) Math.max(1, Math.min(settings.batchSize(), Math.ceil(ratePerMilli * PACED_BATCH_MILLIS)));
        }

        void run() {
            nextSendMillis = clockMillis.getAsLong();
            int rotation = 0;
            while (!stopped && clockMillis.getAsLong() < settings.deadlineMillis()) {
                List<SignedTransfer> batch = nextBatch(rotation++);
                if (batch.isEmpty()) {
                    return;
                }
                pace(batch.size());
                boolean retryLater = send(batch);
                backoffMillis = retryLater ? Math.min(Math.max(backoffMillis * 2, 5), settings.maxBackoffMillis()) : 0;
                pauseUntil(clockMillis.getAsLong() + backoffMillis);
            }
        }

        private List<SignedTransfer> nextBatch(int rotation) {
            List<SignedTransfer> batch = new ArrayList<>(batchSize);
            for (int i = 0; i < accounts.size() && batch.size() < batchSize; i++) {
                accounts.get((i + rotation) % accounts.size()).take(batch, settings.window(), batchSize);
            }
            return batch;
        }

        private boolean send(List<SignedTransfer> batch) {
            long sentAt = clockMillis.getAsLong();
            List<JsonNode> answers;
            try {
                answers = node.batch("tx_submit", batch.stream().map(tx -> Map.of("tx", tx.encodedHex())).toList());
            } catch (IOException e) {
                rejected.count(REQUEST_FAILED);
                return true;
            }
            boolean retryLater = false;
            for (int i = 0; i < batch.size(); i++) {
                retryLater |= settle(batch.get(i), answers.get(i), sentAt);
            }
            return retryLater;
        }

        /** Records one answer; true when the transaction is to be sent again later. */
        private boolean settle(SignedTransfer tx, JsonNode answer, long sentAt) {
            AccountCursor account = cursorOf(tx);
            if (answer.has("result")) {
                admitted(tx, account, sentAt);
                return false;
            }
            String reason = answer.path("error").path("data").path("reason").asText(null);
            rejected.count(reason);
            if ("duplicate".equals(reason)) {
                admitted(tx, account, sentAt); // a retry of what an earlier, lost answer had admitted
            } else if (SKIP.contains(reason)) {
                account.settle(tx);
            } else if (RETRY.contains(reason)) {
                return true;
            } else {
                account.end();
            }
            return false;
        }

        private void admitted(SignedTransfer tx, AccountCursor account, long sentAt) {
            if (submittedAt.putIfAbsent(tx.hash(), sentAt) == null) {
                submitted.incrementAndGet();
            }
            account.settle(tx);
        }

        private AccountCursor cursorOf(SignedTransfer tx) {
            return accounts.get(tx.account() / nodes.size());
        }

        private void pace(int transactions) {
            if (ratePerMilli <= 0) {
                return;
            }
            nextSendMillis = Math.max(nextSendMillis, clockMillis.getAsLong() - 1000) + transactions / ratePerMilli;
            pauseUntil((long) nextSendMillis);
        }

        private void pauseUntil(long millis) {
            long wait;
            while (!stopped && (wait = millis - clockMillis.getAsLong()) > 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(wait));
            }
        }
    }

    /** One account's transfers: the first not yet settled, and which later ones are. */
    private static final class AccountCursor {
        private final List<SignedTransfer> transfers;
        private final BitSet settled = new BitSet();
        private int first;
        private boolean ended;

        AccountCursor(List<SignedTransfer> transfers) {
            this.transfers = transfers;
        }

        void take(List<SignedTransfer> batch, int window, int batchSize) {
            if (ended) {
                return;
            }
            for (int i = first; i < Math.min(first + window, transfers.size()) && batch.size() < batchSize; i++) {
                if (!settled.get(i)) {
                    batch.add(transfers.get(i));
                }
            }
        }

        void settle(SignedTransfer tx) {
            settled.set((int) (tx.nonce() - transfers.get(0).nonce()));
            first = settled.nextClearBit(first);
        }

        void end() {
            ended = true;
        }
    }
}
