package io.cairn.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import org.junit.jupiter.api.Test;

/** A client subscribed over /ws to one node of a real network sees what the network does. */
class WebSocketIT {

    private static Transaction transfer(long nonce) {
        return Transaction.sign(TestGenesis.CHAIN_ID, TestKeys.account(0), nonce,
                new Operation.Transfer(TestKeys.account(1).publicKey(), 1));
    }

    @Test
    void aSubscriberSeesGossipedTransactionsCommitsAndConsensusMove() throws Exception {
        try (LocalNetwork network = LocalNetwork.create("websocket", 4, false)) {
            network.startAll();
            // Nonce 1 before nonce 0: admitted everywhere but no block can take it yet, so the
            // subscriber's node surely hears of it by gossip before any block holds it.
            Transaction later = transfer(1);
            Transaction first = transfer(0);
            try (WsSubscriber subscriber = new WsSubscriber(network.rpcPort(1))) {
                String transactions = subscriber.subscribe("{\"topic\":\"newTransactions\"}");
                String status = subscriber.subscribe("{\"topic\":\"txStatus\",\"hash\":\"" + later.hash().toHex()
                        + "\"}");
                String blocks = subscriber.subscribe("{\"topic\":\"newBlocks\"}");
                String consensus = subscriber.subscribe("[\"consensus\"]");

                assertThat(network.rpc(2).submit(later.encode()).has("result")).isTrue();
                assertThat(subscriber.next(transactions).get("hash").textValue()).isEqualTo(later.hash().toHex());
                assertThat(subscriber.next(status).get("status").textValue()).isEqualTo("pending");

                assertThat(network.rpc(3).submit(first.encode()).has("result")).isTrue();
                assertThat(subscriber.next(transactions).get("hash").textValue()).isEqualTo(first.hash().toHex());
                JsonNode committed = subscriber.next(status);
                assertThat(committed.get("status").textValue()).isEqualTo("committed");
                assertThat(committed.get("outcome").textValue()).isEqualTo("success");
                long height = committed.get("height").asLong();
                JsonNode block = subscriber.next(blocks);
                while (block.get("height").asLong() < height) {
                    block = subscriber.next(blocks); // the two may have gone into two blocks
                }
                assertThat(block.get("height").asLong()).isEqualTo(height);
                assertThat(block.get("hash").textValue())
                        .isEqualTo(network.rpc(1).block(height).get("hash").textValue());
                JsonNode moved = subscriber.next(consensus);
                while (moved.get("height").asLong() <= height) {
                    moved = subscriber.next(consensus); // a view change on the way, if the network had one
                }
                assertThat(moved.get("height").asLong()).isEqualTo(height + 1);
            }
        }
    }
}
