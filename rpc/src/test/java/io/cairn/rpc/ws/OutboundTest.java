package io.cairn.rpc.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The outbound queue against a transport the test completes by hand. */
class OutboundTest {

    /** Records each write and leaves it pending until the test completes it. */
    private static final class ManualTransport implements Outbound.Transport {
        final List<String> written = new ArrayList<>();
        final List<Outbound.Written> pending = new ArrayList<>();

        @Override
        public void send(String text, Outbound.Written done) {
            written.add(text);
            pending.add(done);
        }

        void completeNext() {
            pending.remove(0).succeeded();
        }
    }

    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    @Test
    void sendsOneMessageAtATimeInOrder() {
        ManualTransport transport = new ManualTransport();
        Outbound outbound = new Outbound(transport, 10, 1 << 20, failure::set);
        assertThat(outbound.offer("a")).isTrue();
        assertThat(outbound.offer("b")).isTrue();
        assertThat(outbound.offer("c")).isTrue();
        assertThat(transport.written).containsExactly("a");
        assertThat(outbound.queued()).isEqualTo(2);

        transport.completeNext();
        assertThat(transport.written).containsExactly("a", "b");
        transport.completeNext();
        transport.completeNext();
        assertThat(transport.written).containsExactly("a", "b", "c");
        assertThat(outbound.queued()).isZero();
        assertThat(transport.pending).isEmpty();
        assertThat(outbound.offer("d")).as("idle again: the offer starts the write").isTrue();
        assertThat(transport.written).containsExactly("a", "b", "c", "d");
    }

    @Test
    void refusesOnceTheQueueHoldsItsMostMessages() {
        ManualTransport transport = new ManualTransport();
        Outbound outbound = new Outbound(transport, 3, 1 << 20, failure::set);
        for (int i = 0; i < 4; i++) {
            assertThat(outbound.offer("m" + i)).isTrue(); // the first is in flight, three wait
        }
        assertThat(outbound.offer("m4")).isFalse();
        assertThat(outbound.queued()).isEqualTo(3);

        transport.completeNext();
        assertThat(outbound.offer("m4")).as("room again after a write").isTrue();
    }

    @Test
    void refusesOnceTheQueueHoldsItsMostBytesButAlwaysTakesOneMessage() {
        ManualTransport transport = new ManualTransport();
        Outbound outbound = new Outbound(transport, 100, 1_024, failure::set);
        outbound.offer("in flight");
        assertThat(outbound.offer("x".repeat(5_000))).as("larger than the budget, into an empty queue").isTrue();
        assertThat(outbound.queuedBytes()).isEqualTo(5_000);
        assertThat(outbound.offer("y")).isFalse();
    }

    @Test
    void closeDropsWhatIsQueuedAndSendsNothingMore() {
        ManualTransport transport = new ManualTransport();
        Outbound outbound = new Outbound(transport, 10, 1 << 20, failure::set);
        outbound.offer("a");
        outbound.offer("b");
        outbound.offer("c");
        assertThat(outbound.close()).isEqualTo(2);
        transport.completeNext();
        assertThat(outbound.offer("d")).as("dropped quietly: the client is going").isTrue();
        assertThat(transport.written).containsExactly("a");
        assertThat(outbound.queued()).isZero();
    }

    @Test
    void aFailedWriteClosesTheQueueAndReportsTheCause() {
        ManualTransport transport = new ManualTransport();
        Outbound outbound = new Outbound(transport, 10, 1 << 20, failure::set);
        outbound.offer("a");
        outbound.offer("b");
        IOException broken = new IOException("connection reset");
        transport.pending.remove(0).failed(broken);
        assertThat(failure.get()).isSameAs(broken);
        assertThat(outbound.queued()).isZero();
        outbound.offer("c");
        assertThat(transport.written).containsExactly("a");
    }

    @Test
    void writesThatCompleteAtOnceDrainALongQueueWithoutRecursion() {
        List<String> written = new ArrayList<>();
        int[] depth = {0};
        int[] deepest = {0};
        Outbound[] outbound = new Outbound[1];
        // Completes every write before returning, and queues more from inside the first one.
        outbound[0] = new Outbound((text, done) -> {
            depth[0]++;
            deepest[0] = Math.max(deepest[0], depth[0]);
            written.add(text);
            if (text.equals("0")) {
                for (int i = 1; i < 50_000; i++) {
                    outbound[0].offer(Integer.toString(i));
                }
            }
            done.succeeded();
            depth[0]--;
        }, 100_000, 1L << 30, failure::set);
        outbound[0].offer("0");
        assertThat(written).hasSize(50_000);
        assertThat(written.get(49_999)).isEqualTo("49999");
        assertThat(deepest[0]).as("one write on the stack at a time").isEqualTo(1);
    }

    @Test
    void aTransportThatThrowsCountsAsAFailedWrite() {
        IllegalStateException closed = new IllegalStateException("session closed");
        Outbound outbound = new Outbound((text, done) -> {
            throw closed;
        }, 10, 1 << 20, failure::set);
        assertThat(outbound.offer("a")).isTrue();
        assertThat(failure.get()).isSameAs(closed);
        assertThat(outbound.offer("b")).isTrue();
        assertThat(outbound.queued()).isZero();
    }
}
