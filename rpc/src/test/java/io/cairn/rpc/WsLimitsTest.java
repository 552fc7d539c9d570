package io.cairn.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import io.cairn.rpc.api.NodeEvent;
import io.cairn.rpc.ws.WsSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The WebSocket's limits: subscriptions per socket, sockets, message size, the event backlog; and pings. */
class WsLimitsTest {

    private static String newBlocks() {
        return "{\"topic\":\"newBlocks\"}";
    }

    private static String consensus() {
        return "{\"topic\":\"consensus\"}";
    }

    @Test
    void aSubscriptionBeyondTheLimitIsRefusedUntilOneEnds() throws Exception {
        try (WsServerFixture fixture = new WsServerFixture()) {
            WsClient client = fixture.connect();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < WsServerFixture.MAX_SUBSCRIPTIONS; i++) {
                ids.add(client.subscribe(newBlocks()));
            }
            JsonNode error = client.error("subscribe", "{\"topic\":\"consensus\"}");
            assertThat(error.get("code").asInt()).isEqualTo(-32005);
            assertThat(error.get("data").get("reason").textValue()).isEqualTo("too_many_subscriptions");
            assertThat(error.get("message").textValue()).isEqualTo("limit exceeded: a connection holds at most "
                    + WsServerFixture.MAX_SUBSCRIPTIONS + " subscriptions; unsubscribe one first");

            assertThat(client.result("unsubscribe", "[\"" + ids.remove(0) + "\"]").asBoolean()).isTrue();
            String consensus = client.subscribe("{\"topic\":\"consensus\"}");
            fixture.node.publish(new NodeEvent.ConsensusChanged(2, 1, 1, true));
            assertThat(client.nextResultOf(consensus).get("view").asLong()).isEqualTo(1);
            // Another socket has slots of its own.
            assertThat(fixture.connect().subscribe(newBlocks())).isNotIn(ids);
        }
    }

    @Test
    void aTxStatusThatEndsFreesItsSlot() throws Exception {
        try (WsServerFixture fixture = new WsServerFixture()) {
            WsClient client = fixture.connect();
            // Fillers on a topic nothing is published to, so the only notifications are the txStatus ones.
            List<String> fillers = new ArrayList<>();
            for (int i = 1; i < WsServerFixture.MAX_SUBSCRIPTIONS; i++) {
                fillers.add(client.subscribe(consensus()));
            }
            Transaction tx = Transaction.sign(TestGenesis.CHAIN_ID, TestKeys.account(3), nonceOf(fixture, 3),
                    new Operation.Transfer(TestKeys.account(0).publicKey(), 1));
            String txStatus = "{\"topic\":\"txStatus\",\"hash\":\"" + tx.hash().toHex() + "\"}";
            String id = client.subscribe(txStatus);
            assertThat(client.error("subscribe", consensus()).get("code").asInt()).isEqualTo(-32005);

            fixture.node.publish(fixture.commit(List.of(tx)));
            assertThat(client.nextResultOf(id).get("status").textValue()).isEqualTo("committed");
            fillers.add(client.subscribe(consensus()));
            assertThat(client.error("subscribe", consensus()).get("code").asInt()).isEqualTo(-32005);

            // A txStatus of a transaction committed already ends as soon as it answers.
            assertThat(client.result("unsubscribe", "[\"" + fillers.remove(0) + "\"]").asBoolean()).isTrue();
            String again = client.subscribe(txStatus);
            assertThat(client.nextResultOf(again).get("status").textValue()).isEqualTo("committed");
            fillers.add(client.subscribe(consensus()));
            assertThat(client.error("subscribe", consensus()).get("code").asInt()).isEqualTo(-32005);
        }
    }

    private static long nonceOf(WsServerFixture fixture, int account) {
        return fixture.node.store().account(TestKeys.account(account).publicKey()).orElseThrow().nonce();
    }

    @Test
    void aSocketBeyondTheLimitIsClosedWith1013UntilOneLeaves() throws Exception {
        try (WsServerFixture fixture = new WsServerFixture()) {
            List<WsClient> clients = new ArrayList<>();
            for (int i = 0; i < WsServerFixture.MAX_CONNECTIONS; i++) {
                WsClient client = fixture.connect();
                client.result("node_status", null); // in and served
                clients.add(client);
            }
            WsClient refused = fixture.connect();
            WsClient.Closing closing = refused.awaitClose();
            assertThat(closing.code()).isEqualTo(1013);
            assertThat(closing.reason()).isEqualTo("too many connections: the server takes at most "
                    + WsServerFixture.MAX_CONNECTIONS);
            assertThat(fixture.server.webSocketConnections()).isEqualTo(WsServerFixture.MAX_CONNECTIONS);

            clients.get(0).close();
            await().atMost(WsClient.TIMEOUT).until(() -> fixture.server.webSocketConnections()
                    < WsServerFixture.MAX_CONNECTIONS);
            WsClient admitted = fixture.connect();
            assertThat(admitted.result("node_status", null).get("height").asLong()).isEqualTo(InMemoryNode.BLOCKS);
            assertThat(clients.get(1).result("node_status", null).get("height").asLong())
                    .isEqualTo(InMemoryNode.BLOCKS);
        }
    }

    @Test
    void aMessageOverTheSizeLimitClosesThatSocketWith1009() throws Exception {
        try (WsServerFixture fixture = new WsServerFixture()) {
            WsClient bystander = fixture.connect();
            String id = bystander.subscribe(newBlocks());
            WsClient client = fixture.connect();
            String padding = "0".repeat(WsServerFixture.MAX_MESSAGE_BYTES);
            client.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tx_submit\",\"params\":[\"" + padding + "\"]}");

            WsClient.Closing closing = client.awaitClose();
            assertThat(closing.code()).isEqualTo(1009);
            assertThat(fixture.node.mempool()).isEmpty();
            await().atMost(WsClient.TIMEOUT).until(() -> fixture.server.webSocketConnections() == 1);
            fixture.node.publish(fixture.commit(List.of()));
            assertThat(bystander.nextResultOf(id).get("height").asLong()).isEqualTo(InMemoryNode.BLOCKS + 1);
        }
    }

    @Test
    void aMessageJustUnderTheLimitIsRead() throws Exception {
        try (WsServerFixture fixture = new WsServerFixture()) {
            WsClient client = fixture.connect();
            String envelope = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tx_submit\",\"params\":[\"\"]}";
            String hex = "00".repeat((WsServerFixture.MAX_MESSAGE_BYTES - envelope.length()) / 2);
            client.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tx_submit\",\"params\":[\"" + hex + "\"]}");
            JsonNode error = client.nextAnswer().get("error");
            assertThat(error.get("data").get("reason").textValue()).isEqualTo("malformed");
        }
    }

    @Test
    void eventsBeyondTheBacklogCloseSubscribedSocketsWith1013() throws Exception {
        int backlog = 8;
        WsSettings settings = new WsSettings(4, 4, 16 * 1024, 64, 1L << 20, backlog, Duration.ofSeconds(30));
        InMemoryNode node = new InMemoryNode();
        GatedNode gated = new GatedNode(node);
        try (WsServerFixture fixture = new WsServerFixture(node, settings, gated)) {
            WsClient subscribed = fixture.connect();
            WsClient idle = fixture.connect();
            Transaction tx = Transaction.sign(TestGenesis.CHAIN_ID, TestKeys.account(1), nonceOf(fixture, 1),
                    new Operation.Transfer(TestKeys.account(0).publicKey(), 1));
            subscribed.subscribe("{\"topic\":\"txStatus\",\"hash\":\"" + tx.hash().toHex() + "\"}");
            String consensus = subscribed.subscribe("{\"topic\":\"consensus\"}");
            NodeEvent.BlockCommitted committed = fixture.commit(List.of(tx));

            // The fan-out reads the receipt of the watched transaction: hold it there.
            gated.arm();
            node.publish(committed);
            gated.awaitHeld();
            for (int i = 0; i < backlog + 5; i++) {
                node.publish(new NodeEvent.ConsensusChanged(5, i, 0, false)); // returns at once, queued or lost
            }
            gated.open();

            WsClient.Closing closing = subscribed.awaitClose();
            assertThat(closing.code()).isEqualTo(1013);
            assertThat(closing.reason()).isEqualTo("notifications lost: the server fell 5 events behind");
            // What it got before the loss was noticed is whole and in order; nothing after.
            assertThat(subscribed.pendingNotifications()).extracting(n -> n.get("params").get("subscription")
                    .textValue()).doesNotContain(consensus);
            assertThat(idle.result("node_status", null).get("height").asLong()).isEqualTo(InMemoryNode.BLOCKS + 1);
            String id = idle.subscribe("{\"topic\":\"consensus\"}");
            node.publish(new NodeEvent.ConsensusChanged(6, 0, 1, false));
            JsonNode result = idle.nextResultOf(id);
            while (result.get("height").asLong() != 6) {
                result = idle.nextResultOf(id); // the events queued before the loss come first
            }
        }
    }

    @Test
    void idleSocketsArePinged() throws Exception {
        WsSettings settings = new WsSettings(4, 4, 16 * 1024, 64, 1L << 20, 64, Duration.ofMillis(50));
        try (WsServerFixture fixture = new WsServerFixture(settings)) {
            WsClient client = fixture.connect();
            await().atMost(WsClient.TIMEOUT).until(() -> client.pings() >= 2);
            // Answered pongs keep it open well past the idle timeout of three intervals.
            assertThat(client.isClosed()).isFalse();
            assertThat(client.result("node_status", null).get("height").asLong()).isEqualTo(InMemoryNode.BLOCKS);
        }
    }
}
