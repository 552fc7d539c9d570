package io.cairn.rpc;

import static io.cairn.rpc.ExpectedJson.assertTransaction;
import static io.cairn.rpc.ExpectedJson.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.ledger.Block;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.store.LedgerStore;
import io.cairn.ledger.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** chain_getBlock and chain_getValidators against the committed chain. */
class ChainMethodsTest {
    @RegisterExtension
    static final RpcServerFixture fixture = new RpcServerFixture();
    private static final RpcClient client = fixture.client;
    private static final LedgerStore store = fixture.node.store();

    @Test
    void aBlockByHeightShowsItsHeaderTransactionsAndCertificate() {
        Block block = store.block(2).orElseThrow();
        JsonNode json = client.result("chain_getBlock", "{\"height\":2}");
        assertThat(fieldNames(json)).containsExactly("header", "hash", "transactions", "certificate");
        assertThat(json.get("hash").textValue()).isEqualTo(block.hash().toHex());
        assertHeader(json.get("header"), block.header());
        assertThat(json.get("transactions")).hasSize(InMemoryNode.TRANSACTIONS_PER_BLOCK);
        for (int i = 0; i < block.transactions().size(); i++) {
            Transaction tx = block.transactions().get(i);
            assertThat(json.get("transactions").get(i).get("hash").textValue()).isEqualTo(tx.hash().toHex());
            assertTransaction(json.get("transactions").get(i), tx);
        }
        assertCertificate(json.get("certificate"), store.certificate(2).orElseThrow());
    }

    private static void assertHeader(JsonNode json, BlockHeader header) {
        assertThat(fieldNames(json)).containsExactly("height", "parentHash", "timestampMillis", "proposer", "view",
                "transactionsRoot", "stateRoot", "transactionCount");
        assertThat(json.get("height").asLong()).isEqualTo(header.height());
        assertThat(json.get("parentHash").textValue()).isEqualTo(store.block(1).orElseThrow().hash().toHex());
        assertThat(json.get("timestampMillis").asLong()).isEqualTo(header.timestampMillis());
        assertThat(json.get("proposer").textValue()).isEqualTo(header.proposer().toHex());
        assertThat(json.get("view").asLong()).isEqualTo(header.view());
        assertThat(json.get("transactionsRoot").textValue()).isEqualTo(header.transactionsRoot().toHex());
        assertThat(json.get("stateRoot").textValue()).isEqualTo(header.stateRoot().toHex());
        assertThat(json.get("transactionCount").asInt()).isEqualTo(InMemoryNode.TRANSACTIONS_PER_BLOCK);
    }

    private static void assertCertificate(JsonNode json, CommitCertificate certificate) {
        assertThat(json.get("height").asLong()).isEqualTo(2);
        assertThat(json.get("view").asLong()).isEqualTo(certificate.view());
        assertThat(json.get("blockHash").textValue()).isEqualTo(store.block(2).orElseThrow().hash().toHex());
        // A quorum of 4 validators is 3: indices 0, 1, 2 in ascending order.
        assertThat(json.get("signatures")).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(json.get("signatures").get(i).get("validator").asInt()).isEqualTo(i);
            assertThat(json.get("signatures").get(i).get("signature").textValue())
                    .isEqualTo(certificate.signatures().get(i).signature().toHex());
        }
    }

    @Test
    void aBlockByHashIsTheBlockByHeight() {
        String hash = store.block(1).orElseThrow().hash().toHex();
        JsonNode byHash = client.result("chain_getBlock", "{\"hash\":\"" + hash + "\"}");
        assertThat(byHash).isEqualTo(client.result("chain_getBlock", "{\"height\":1}"));
        assertThat(byHash.get("header").get("height").asLong()).isEqualTo(1);
    }

    @Test
    void upperCaseHashesAreAccepted() {
        String hash = store.block(1).orElseThrow().hash().toHex();
        JsonNode byHash = client.result("chain_getBlock", "{\"hash\":\"" + hash.toUpperCase() + "\"}");
        assertThat(byHash.get("hash").textValue()).isEqualTo(hash);
    }

    @Test
    void positionalParamsGiveHeightThenHash() {
        String hash = store.block(3).orElseThrow().hash().toHex();
        assertThat(client.result("chain_getBlock", "[3]").get("hash").textValue()).isEqualTo(hash);
        assertThat(client.result("chain_getBlock", "[null, \"" + hash + "\"]").get("hash").textValue()).isEqualTo(hash);
    }

    @Test
    void latestIsTheHead() {
        JsonNode json = client.result("chain_getBlock", "{\"height\":\"latest\"}");
        assertThat(json.get("header").get("height").asLong()).isEqualTo(InMemoryNode.BLOCKS);
        assertThat(json.get("hash").textValue()).isEqualTo(store.head().blockHash().toHex());
    }

    @Test
    void heightZeroIsTheGenesis() {
        String genesisHash = fixture.node.genesis().hash().toHex();
        JsonNode json = client.result("chain_getBlock", "[0]");
        assertThat(fieldNames(json)).containsExactly("height", "hash");
        assertThat(json.get("height").asLong()).isZero();
        assertThat(json.get("hash").textValue()).isEqualTo(genesisHash);
        assertThat(client.result("chain_getBlock", "{\"hash\":\"" + genesisHash + "\"}")).isEqualTo(json);
        // Block 1 names the genesis as its parent.
        assertThat(client.result("chain_getBlock", "[1]").get("header").get("parentHash").textValue())
                .isEqualTo(genesisHash);
    }

    @Test
    void aHeightAboveTheHeadIsNull() {
        assertThat(client.result("chain_getBlock", "[" + (InMemoryNode.BLOCKS + 1) + "]").isNull()).isTrue();
        assertThat(client.result("chain_getBlock", "[" + Long.MAX_VALUE + "]").isNull()).isTrue();
    }

    @Test
    void anUnknownHashIsNull() {
        assertThat(client.result("chain_getBlock", "{\"hash\":\"" + "00".repeat(32) + "\"}").isNull()).isTrue();
    }

    @Test
    void putsShowTheirKeyAndValueInHex() {
        Transaction put = null;
        for (long height = 1; height <= InMemoryNode.BLOCKS && put == null; height++) {
            put = store.block(height).orElseThrow().transactions().stream()
                    .filter(tx -> tx.operation() instanceof Operation.Put).findFirst().orElse(null);
        }
        assertThat(put).as("the seeded chain holds a put").isNotNull();
        JsonNode json = client.result("tx_get", "{\"hash\":\"" + put.hash().toHex() + "\"}").get("transaction");
        assertThat(fieldNames(json)).containsExactly("kind", "sender", "nonce", "key", "value", "signature");
        assertTransaction(json, put);
    }

    @Test
    void validatorsComeFromGenesisWithTheirIndex() {
        JsonNode json = client.result("chain_getValidators", "[]");
        assertThat(json).hasSize(InMemoryNode.VALIDATORS);
        for (int i = 0; i < InMemoryNode.VALIDATORS; i++) {
            assertThat(fieldNames(json.get(i))).containsExactly("index", "name", "publicKey");
            assertThat(json.get(i).get("index").asInt()).isEqualTo(i);
            assertThat(json.get(i).get("name").textValue()).isEqualTo("validator-" + i);
            assertThat(json.get(i).get("publicKey").textValue()).isEqualTo(TestKeys.validator(i).publicKey().toHex());
        }
    }
}
