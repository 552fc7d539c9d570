package io.cairn.rpc;

import static io.cairn.rpc.ExpectedJson.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.Hex;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Block;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Permission;
import io.cairn.ledger.Receipt;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.store.LedgerStore;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** tx_getProof: a proof that checks with only the genesis keys, and one that is tampered with does not. */
class TxProofMethodTest {
    @RegisterExtension
    static final RpcServerFixture fixture = new RpcServerFixture();
    private static final RpcClient client = fixture.client;
    private static final LedgerStore store = fixture.node.store();
    private static final List<PublicKey> VALIDATORS = SignedCertificates.validatorKeys(fixture.node.genesis());

    private static JsonNode proofOf(Transaction tx) {
        return client.result("tx_getProof", "{\"hash\":\"" + tx.hash().toHex() + "\"}");
    }

    @Test
    void everyCommittedTransactionHasAProofOfInclusionAndFinality() {
        for (long height = 1; height <= InMemoryNode.BLOCKS; height++) {
            // Six transactions: an unbalanced tree, where the last two leaves have shorter paths.
            List<Transaction> transactions = store.block(height).orElseThrow().transactions();
            for (Transaction tx : transactions) {
                JsonNode answer = proofOf(tx);
                Receipt receipt = store.receipt(tx.hash()).orElseThrow();
                assertThat(fieldNames(answer)).containsExactly("hash", "height", "index", "proof", "header",
                        "headerEncoded", "certificate");
                assertThat(answer.get("hash").textValue()).isEqualTo(tx.hash().toHex());
                assertThat(answer.get("height").asLong()).isEqualTo(receipt.height());
                assertThat(answer.get("index").asInt()).isEqualTo(receipt.index());
                assertThat(fieldNames(answer.get("proof"))).containsExactly("leafIndex", "treeSize", "path");
                assertThat(answer.get("proof").get("leafIndex").asLong()).isEqualTo(receipt.index());
                assertThat(answer.get("proof").get("treeSize").asLong()).isEqualTo(transactions.size());
                assertThat(ClientProofCheck.failure(answer, TestGenesis.CHAIN_ID, VALIDATORS)).as("proof of %s", tx.hash())
                        .isEmpty();
            }
        }
    }

    @Test
    void theHeaderAndCertificateAreChainGetBlocksAndTheEncodingIsTheStoredHeaders() {
        Block block = store.block(2).orElseThrow();
        JsonNode answer = proofOf(block.transactions().get(1));
        JsonNode viaBlock = client.result("chain_getBlock", "[2]");

        assertThat(answer.get("header")).isEqualTo(viaBlock.get("header"));
        assertThat(answer.get("certificate")).isEqualTo(viaBlock.get("certificate"));
        assertThat(answer.get("headerEncoded").textValue()).isEqualTo(Hex.encode(block.header().encode()));
    }

    @Test
    void theProofDoesNotProveAnotherTransaction() {
        Block block = store.block(1).orElseThrow();
        ObjectNode answer = (ObjectNode) proofOf(block.transactions().get(0));
        answer.put("hash", block.transactions().get(1).hash().toHex());

        assertThat(ClientProofCheck.failure(answer, TestGenesis.CHAIN_ID, VALIDATORS))
                .hasValue("the Merkle proof does not lead to the header's transactions root");
    }

    @Test
    void aHeaderOtherThanTheCertifiedOneIsCaught() {
        ObjectNode answer = (ObjectNode) proofOf(store.block(3).orElseThrow().transactions().get(0));
        // Block 2's header has its own valid transactions root, but the certificate is for block 3.
        answer.put("headerEncoded", Hex.encode(store.header(2).orElseThrow().encode()));
        answer.set("proof", proofOf(store.block(2).orElseThrow().transactions().get(0)).get("proof"));
        answer.put("hash", store.block(2).orElseThrow().transactions().get(0).hash().toHex());

        assertThat(ClientProofCheck.failure(answer, TestGenesis.CHAIN_ID, VALIDATORS))
                .hasValue("the certificate is not for this header");
    }

    @Test
    void theCertificateChecksOnlyForThisChainAndWithAQuorum() {
        JsonNode answer = proofOf(store.block(2).orElseThrow().transactions().get(0));
        assertThat(ClientProofCheck.failure(answer, "another-chain", VALIDATORS)).hasValueSatisfying(
                reason -> assertThat(reason).contains("signature of validator 0 does not verify"));

        ((ArrayNode) answer.get("certificate").get("signatures")).remove(2);
        assertThat(ClientProofCheck.failure(answer, TestGenesis.CHAIN_ID, VALIDATORS))
                .hasValue("2 commit signatures, a quorum is 3");
    }

    @Test
    void aPendingTransactionHasNoProofYet() {
        Transaction pending = Transaction.sign(TestGenesis.CHAIN_ID, TestKeys.admin(), 0,
                new Operation.Grant(TestKeys.stranger().publicKey(), Permission.PUT));
        client.result("tx_submit", "[\"" + Hex.encode(pending.encode()) + "\"]");
        try {
            assertThat(client.result("tx_get", "[\"" + pending.hash().toHex() + "\"]").get("status").textValue())
                    .isEqualTo("pending");
            assertThat(proofOf(pending).isNull()).isTrue();
        } finally {
            fixture.node.clearMempool();
        }
    }

    @Test
    void anUnknownTransactionHasNoProof() {
        assertThat(client.result("tx_getProof", "[\"" + "22".repeat(32) + "\"]").isNull()).isTrue();
    }

    static List<BadCall> badCalls() {
        String hash = "22".repeat(32);
        return List.of(
                new BadCall("no hash", "tx_getProof", null, "hash", "'hash' is missing"),
                new BadCall("null hash", "tx_getProof", "{\"hash\":null}", "hash", "'hash' must not be null"),
                new BadCall("a number", "tx_getProof", "{\"hash\":42}", "hash", "'hash' must be a string, got 42"),
                new BadCall("too short", "tx_getProof", "[\"abcd\"]", "hash",
                        "'hash' is not a hash: expected 64 hex characters"),
                new BadCall("not hex", "tx_getProof", "[\"" + "zz".repeat(32) + "\"]", "hash", "'hash' is not a hash"),
                new BadCall("an extra named parameter", "tx_getProof", "{\"hash\":\"" + hash + "\",\"height\":1}",
                        "height", "'height' is not a parameter of this method (it takes hash)"),
                new BadCall("an extra position", "tx_getProof", "[\"" + hash + "\", 1]", null,
                        "expected at most 1 parameters [hash], got 2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCalls")
    void badParamsAreRefusedAndChangeNothing(BadCall call) {
        call.assertRefusedBy(client);
        fixture.assertStillServingAndMempoolEmpty();
    }
}
