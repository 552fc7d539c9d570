package io.cairn.rpc;

import static io.cairn.rpc.ExpectedJson.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.ledger.Block;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import io.cairn.rpc.api.NodeEvent;
import io.cairn.rpc.api.SubmitResult;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** subscribe and unsubscribe over /ws: what each topic notifies, and when notifications stop. */
class WsSubscriptionTest {
    private WsServerFixture fixture;
    private WsClient client;

    @BeforeEach
    void start() throws IOException {
        fixture = new WsServerFixture();
        client = fixture.connect();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    /** A transfer from genesis account {@code account} with its next nonce on the committed chain. */
    private Transaction transfer(int account, long amount) {
        long nonce = fixture.node.store().account(TestKeys.account(account).publicKey()).orElseThrow().nonce();
        return Transaction.sign(TestGenesis.CHAIN_ID, TestKeys.account(account), nonce,
                new Operation.Transfer(TestKeys.account(4).publicKey(), amount));
    }

    private static String txStatus(Transaction tx) {
        return "{\"topic\":\"txStatus\",\"hash\":\"" + tx.hash().toHex() + "\"}";
    }

    @Test
    void newBlocksNotifiesTheHeaderWithTheBlockHash() {
        String id = client.subscribe("{\"topic\":\"newBlocks\"}");
        NodeEvent.BlockCommitted committed = fixture.commit(List.of(transfer(0, 5), transfer(1, 6)));
        fixture.node.publish(committed);

        JsonNode result = client.nextResultOf(id);
        assertThat(fieldNames(result)).containsExactly("height", "parentHash", "timestampMillis", "proposer", "view",
                "transactionsRoot", "stateRoot", "transactionCount", "hash");
        Block block = committed.block();
        BlockHeader header = block.header();
        assertThat(result.get("height").asLong()).isEqualTo(InMemoryNode.BLOCKS + 1);
        assertThat(result.get("parentHash").textValue()).isEqualTo(header.parentHash().toHex());
        assertThat(result.get("timestampMillis").asLong()).isEqualTo(header.timestampMillis());
        assertThat(result.get("proposer").textValue()).isEqualTo(header.proposer().toHex());
        assertThat(result.get("view").asLong()).isEqualTo(header.view());
        assertThat(result.get("transactionsRoot").textValue()).isEqualTo(header.transactionsRoot().toHex());
        assertThat(result.get("stateRoot").textValue()).isEqualTo(header.stateRoot().toHex());
        assertThat(result.get("transactionCount").asInt()).isEqualTo(2);
        assertThat(result.get("hash").textValue()).isEqualTo(block.hash().toHex());
    }

    @Test
    void newTransactionsNotifiesHashKindSenderAndNonce() {
        String id = client.subscribe("[\"newTransactions\"]");
        Transaction tx = transfer(2, 7);
        fixture.node.publish(new NodeEvent.TransactionAdmitted(tx.hash(), tx));

        JsonNode result = client.nextResultOf(id);
        assertThat(fieldNames(result)).containsExactly("hash", "kind", "sender", "nonce");
        assertThat(result.get("hash").textValue()).isEqualTo(tx.hash().toHex());
        assertThat(result.get("kind").textValue()).isEqualTo("transfer");
        assertThat(result.get("sender").textValue()).isEqualTo(TestKeys.account(2).publicKey().toHex());
        assertThat(result.get("nonce").asLong()).isEqualTo(tx.nonce());
    }

    @Test
    void consensusNotifiesHeightViewPrimaryAndViewChanges() {
        String id = client.subscribe("{\"topic\":\"consensus\"}");
        fixture.node.publish(new NodeEvent.ConsensusChanged(9, 2, 3, true));
        fixture.node.publish(new NodeEvent.ConsensusChanged(9, 3, 0, false));

        JsonNode changing = client.nextResultOf(id);
        assertThat(fieldNames(changing)).containsExactly("height", "view", "primary", "changingView");
        assertThat(changing.get("height").asLong()).isEqualTo(9);
        assertThat(changing.get("view").asLong()).isEqualTo(2);
        assertThat(changing.get("primary").asInt()).isEqualTo(3);
        assertThat(changing.get("changingView").asBoolean()).isTrue();
        JsonNode entered = client.nextResultOf(id);
        assertThat(entered.get("view").asLong()).isEqualTo(3);
        assertThat(entered.get("changingView").asBoolean()).isFalse();
    }

    @Test
    void txStatusSaysPendingThenCommittedAndThenEnds() {
        Transaction other = transfer(1, 3);
        Transaction watched = transfer(0, 4);
        String id = client.subscribe(txStatus(watched));
        String marker = client.subscribe("{\"topic\":\"newTransactions\"}");

        fixture.node.publish(new NodeEvent.TransactionAdmitted(watched.hash(), watched));
        assertThat(client.nextResultOf(marker).get("hash").textValue()).isEqualTo(watched.hash().toHex());
        JsonNode pending = client.nextResultOf(id);
        assertThat(fieldNames(pending)).containsExactly("hash", "status", "height", "index", "outcome");
        assertThat(pending.get("hash").textValue()).isEqualTo(watched.hash().toHex());
        assertThat(pending.get("status").textValue()).isEqualTo("pending");
        assertThat(pending.get("height").isNull()).isTrue();
        assertThat(pending.get("index").isNull()).isTrue();
        assertThat(pending.get("outcome").isNull()).isTrue();

        fixture.node.publish(fixture.commit(List.of(other, watched)));
        JsonNode committed = client.nextResultOf(id);
        assertThat(fieldNames(committed)).containsExactly("hash", "status", "height", "index", "outcome");
        assertThat(committed.get("status").textValue()).isEqualTo("committed");
        assertThat(committed.get("height").asLong()).isEqualTo(InMemoryNode.BLOCKS + 1);
        assertThat(committed.get("index").asInt()).isEqualTo(1);
        assertThat(committed.get("outcome").textValue()).isEqualTo("success");

        // Ended: nothing more for it, even for news of the same transaction, and its id is gone.
        fixture.node.publish(new NodeEvent.TransactionAdmitted(watched.hash(), watched));
        fixture.node.publish(new NodeEvent.TransactionAdmitted(other.hash(), other));
        assertThat(client.nextResultOf(marker).get("hash").textValue()).isEqualTo(watched.hash().toHex());
        assertThat(client.nextResultOf(marker).get("hash").textValue()).isEqualTo(other.hash().toHex());
        assertThat(client.pendingNotifications()).isEmpty();
        assertThat(client.result("unsubscribe", "[\"" + id + "\"]").asBoolean()).isFalse();
    }

    @Test
    void txStatusOfACommittedTransactionAnswersAtOnceAfterTheIdAndEnds() {
        Transaction tx = transfer(3, 8);
        fixture.commit(List.of(tx)); // committed before anyone asks: no event will come

        String id = client.subscribe(txStatus(tx));
        JsonNode committed = client.nextResultOf(id);
        assertThat(committed.get("status").textValue()).isEqualTo("committed");
        assertThat(committed.get("height").asLong()).isEqualTo(InMemoryNode.BLOCKS + 1);
        assertThat(committed.get("index").asInt()).isZero();
        List<JsonNode> arrivals = client.arrivals();
        assertThat(arrivals).hasSize(2);
        assertThat(arrivals.get(0).get("result").textValue()).as("the id comes first").isEqualTo(id);
        assertThat(client.result("unsubscribe", "{\"subscription\":\"" + id + "\"}").asBoolean()).isFalse();
    }

    @Test
    void txStatusOfAPendingTransactionSaysPendingAtOnceAndOnlyOnce() {
        Transaction tx = transfer(0, 9);
        assertThat(fixture.node.submit(tx.encode())).isInstanceOf(SubmitResult.Admitted.class);

        String id = client.subscribe(txStatus(tx));
        assertThat(client.nextResultOf(id).get("status").textValue()).isEqualTo("pending");
        // The admission event that may still be on its way adds no second "pending".
        fixture.node.publish(new NodeEvent.TransactionAdmitted(tx.hash(), tx));
        fixture.node.publish(fixture.commit(List.of(tx)));
        assertThat(client.nextResultOf(id).get("status").textValue()).isEqualTo("committed");
    }

    @Test
    void unsubscribeStopsNotificationsOfThatSubscriptionOnly() {
        String first = client.subscribe("{\"topic\":\"newBlocks\"}");
        String second = client.subscribe("{\"topic\":\"newBlocks\"}");
        assertThat(first).isNotEqualTo(second);

        assertThat(client.result("unsubscribe", "[\"" + first + "\"]").asBoolean()).isTrue();
        NodeEvent.BlockCommitted one = fixture.commit(List.of(transfer(0, 1)));
        NodeEvent.BlockCommitted two = fixture.commit(List.of(transfer(0, 2)));
        fixture.node.publish(one);
        fixture.node.publish(two);
        assertThat(client.nextResultOf(second).get("hash").textValue()).isEqualTo(one.block().hash().toHex());
        // Anything for the first subscription would have been queued before this one.
        assertThat(client.nextResultOf(second).get("hash").textValue()).isEqualTo(two.block().hash().toHex());
        assertThat(client.pendingNotifications()).isEmpty();
        assertThat(client.result("unsubscribe", "[\"" + first + "\"]").asBoolean()).as("already gone").isFalse();
    }

    @Test
    void eachClientGetsOnlyTheTopicsItSubscribedTo() {
        WsClient blocks = fixture.connect();
        String blocksId = blocks.subscribe("{\"topic\":\"newBlocks\"}");
        String transactionsId = client.subscribe("{\"topic\":\"newTransactions\"}");
        NodeEvent.BlockCommitted committed = fixture.commit(List.of(transfer(1, 1)));
        Transaction tx = transfer(2, 2);

        fixture.node.publish(committed);
        fixture.node.publish(new NodeEvent.TransactionAdmitted(tx.hash(), tx));
        assertThat(blocks.nextResultOf(blocksId).get("hash").textValue()).isEqualTo(committed.block().hash().toHex());
        assertThat(client.nextResultOf(transactionsId).get("hash").textValue()).isEqualTo(tx.hash().toHex());
        assertThat(client.pendingNotifications()).as("no block for the transactions client").isEmpty();
    }

    @Test
    void aSubscriptionIdFromAnotherClientCannotBeUnsubscribed() {
        WsClient other = fixture.connect();
        String theirs = other.subscribe("{\"topic\":\"consensus\"}");
        assertThat(client.result("unsubscribe", "[\"" + theirs + "\"]").asBoolean()).isFalse();

        fixture.node.publish(new NodeEvent.ConsensusChanged(4, 0, 0, false));
        assertThat(other.nextResultOf(theirs).get("height").asLong()).isEqualTo(4);
    }

    @Test
    void stoppingTheServerClosesSocketsAsGoingAway() {
        client.subscribe("{\"topic\":\"newBlocks\"}");
        fixture.server.close();
        WsClient.Closing closing = client.awaitClose();
        assertThat(closing.code()).isEqualTo(1001);
        assertThat(closing.reason()).isEqualTo("the server is stopping");
    }
}
