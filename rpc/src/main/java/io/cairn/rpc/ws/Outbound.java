package io.cairn.rpc.ws;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One client's outbound messages: a queue bounded by count and by bytes, sent one message at a
 * time through an asynchronous transport, so no thread ever waits for a slow client. The thread
 * that queues into an idle queue starts the sending; each completed write sends the next.
 */
final class Outbound {

    /** Where the messages go: Jetty's asynchronous write in production, a fake in tests. */
    interface Transport {
        /** Starts writing {@code text}; calls {@code written} exactly once, maybe before returning. */
        void send(String text, Written written);
    }

    /** The end of one write. */
    interface Written {
        void succeeded();

        void failed(Throwable cause);
    }

    private final Transport transport;
    private final int maxMessages;
    private final long maxBytes;
    private final Consumer<Throwable> onFailure;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private long bytes;
    private boolean sending;
    private boolean closed;

    /** {@code onFailure} runs when a write fails (the connection broke); nothing is sent after it. */
    Outbound(Transport transport, int maxMessages, long maxBytes, Consumer<Throwable> onFailure) {
        this.transport = transport;
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
        this.onFailure = onFailure;
    }

    /**
     * Queues {@code text}, or returns false when the queue already holds its most messages or
     * bytes: the client does not keep up, and the caller disconnects it. Once closed, text is
     * dropped and true returned: the client is going away anyway.
     */
    boolean offer(String text) {
        synchronized (this) {
            if (closed) {
                return true;
            }
            if (queue.size() >= maxMessages || bytes >= maxBytes) {
                return false;
            }
            queue.add(text);
            bytes += text.length();
            if (sending) {
                return true;
            }
            sending = true;
        }
        drain();
        return true;
    }

    synchronized int queued() {
        return queue.size();
    }

    synchronized long queuedBytes() {
        return bytes;
    }

    /** Drops what is queued and sends nothing more; returns how many messages were dropped. */
    synchronized int close() {
        closed = true;
        int dropped = queue.size();
        queue.clear();
        bytes = 0;
        return dropped;
    }

    /** Sends until the queue is empty or a write is left pending (its completion carries on). */
    private void drain() {
        while (true) {
            String next;
            synchronized (this) {
                next = closed ? null : queue.poll();
                if (next == null) {
                    sending = false;
                    return;
                }
                bytes -= next.length();
            }
            Write write = new Write();
            try {
                transport.send(next, write);
            } catch (RuntimeException e) {
                write.failed(e);
            }
            if (!write.completedInline()) {
                return;
            }
        }
    }

    /**
     * A write that may complete on the sending thread before {@code send} returns: then the loop
     * in {@link #drain} sends the next message, rather than a recursion as deep as the queue.
     */
    private final class Write implements Written {
        private static final int IN_FLIGHT = 0;
        private static final int DONE_INLINE = 1;
        private static final int RETURNED = 2;
        private final AtomicInteger state = new AtomicInteger(IN_FLIGHT);

        @Override
        public void succeeded() {
            if (!state.compareAndSet(IN_FLIGHT, DONE_INLINE)) {
                drain();
            }
        }

        @Override
        public void failed(Throwable cause) {
            close();
            onFailure.accept(cause);
        }

        boolean completedInline() {
            return !state.compareAndSet(IN_FLIGHT, RETURNED);
        }
    }
}
