package io.cairn.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.cairn.rpc.api.NodeEvent;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading fills its own queue and is disconnected with 1008; the node's
 * publish never waits for it, and the other clients never notice.
 */
class WsSlowConsumerTest {
    /** Fewer than a client may have queued, so the client that reads never falls that far behind. */
    private static final int BATCH = WsServerFixture.MAX_QUEUED_MESSAGES / 2;
    /** Far more than the socket buffers between the server and a client that does not read can hold. */
    private static final int MAX_EVENTS = 200_000;

    private final ExecutorService nodeThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        nodeThread.shutdownNow();
    }

    private static boolean disconnectedAsTooSlow(LogCapture log) {
        return log.events().stream().map(ILoggingEvent::getFormattedMessage)
                .anyMatch(message -> message.contains("disconnected: too slow"));
    }

    /** Publishes {@code event} {@code times} times from the "node's" thread; it must return promptly. */
    private void publish(WsServerFixture fixture, NodeEvent event, int times) throws Exception {
        Future<?> publishing = nodeThread.submit(() -> {
            for (int i = 0; i < times; i++) {
                fixture.node.publish(event);
            }
        });
        // Bounded, not timed: were publish to wait for a stuck client, this would never return.
        publishing.get(WsClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void aClientThatStopsReadingIsDisconnectedWith1008WhileAnotherKeepsReceiving() throws Exception {
        try (WsServerFixture fixture = new WsServerFixture(); LogCapture log = new LogCapture("io.cairn.rpc.ws")) {
            WsClient stuck = fixture.connect();
            WsClient reader = fixture.connect();
            String stuckId = stuck.subscribe("{\"topic\":\"newBlocks\"}");
            String readerId = reader.subscribe("{\"topic\":\"newBlocks\"}");
            stuck.stopReading();
            NodeEvent event = new NodeEvent.BlockCommitted(fixture.node.store().block(2).orElseThrow(),
                    fixture.node.store().certificate(2).orElseThrow());

            int published = 0;
            while (!disconnectedAsTooSlow(log) && published < MAX_EVENTS) {
                publish(fixture, event, BATCH);
                for (int i = 0; i < BATCH; i++) {
                    assertThat(reader.nextResultOf(readerId).get("height").asLong()).isEqualTo(2);
                }
                published += BATCH;
            }
            assertThat(disconnectedAsTooSlow(log)).as("disconnected after %d events", published).isTrue();

            // Reading again, the stuck client finds what the socket held, then the close frame.
            stuck.startReading();
            WsClient.Closing closing = stuck.awaitClose();
            assertThat(closing.code()).isEqualTo(1008);
            assertThat(closing.reason()).isEqualTo("too slow: " + WsServerFixture.MAX_QUEUED_MESSAGES
                    + " messages queued");
            assertThat(stuck.pendingNotifications()).isNotEmpty()
                    .allSatisfy(notification -> assertThat(notification.get("params").get("subscription")
                            .textValue()).isEqualTo(stuckId));

            publish(fixture, event, 1);
            assertThat(reader.nextResultOf(readerId).get("height").asLong()).isEqualTo(2);
            assertThat(reader.result("node_status", null).get("height").asLong()).isEqualTo(InMemoryNode.BLOCKS);
        }
    }
}
