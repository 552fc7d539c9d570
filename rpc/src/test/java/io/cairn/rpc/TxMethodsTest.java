package io.cairn.rpc;

import static io.cairn.rpc.ExpectedJson.assertTransaction;
import static io.cairn.rpc.ExpectedJson.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.crypto.Hex;
import io.cairn.crypto.KeyPair;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Permission;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.store.LedgerStore;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** tx_submit and tx_get: admitted, refused, pending, committed and unknown transactions. */
class TxMethodsTest {
    @RegisterExtension
    static final RpcServerFixture fixture = new RpcServerFixture();
    private static final RpcClient client = fixture.client;
    private static final LedgerStore store = fixture.node.store();

    @BeforeEach
    void mempoolStartsEmpty() {
        fixture.node.clearMempool();
    }

    private static long nextNonce(KeyPair key) {
        return store.account(key.publicKey()).orElseThrow().nonce();
    }

    private static Transaction transfer(long nonce) {
        return Transaction.sign(TestGenesis.CHAIN_ID, TestKeys.account(0), nonce,
                new Operation.Transfer(TestKeys.account(1).publicKey(), 25));
    }

    private static String txParam(byte[] encoded) {
        return "{\"tx\":\"" + Hex.encode(encoded) + "\"}";
    }

    /** The -32000 error of submitting {@code encoded}, checked for its reason; the mempool stays empty. */
    private static JsonNode refused(byte[] encoded, String reason) {
        JsonNode error = client.error("tx_submit", txParam(encoded));
        assertThat(error.get("code").asInt()).isEqualTo(-32000);
        assertThat(fieldNames(error.get("data"))).containsExactly("reason", "message");
        assertThat(error.get("data").get("reason").textValue()).isEqualTo(reason);
        assertThat(error.get("message").textValue())
                .isEqualTo("transaction refused: " + error.get("data").get("message").textValue());
        fixture.assertStillServingAndMempoolEmpty();
        return error;
    }

    @Test
    void anAdmittedTransactionAnswersItsHashAndIsPending() {
        Transaction tx = transfer(nextNonce(TestKeys.account(0)));
        JsonNode result = client.result("tx_submit", txParam(tx.encode()));
        assertThat(fieldNames(result)).containsExactly("hash");
        assertThat(result.get("hash").textValue()).isEqualTo(tx.hash().toHex());
        assertThat(fixture.node.mempool()).containsOnlyKeys(tx.hash());

        JsonNode pending = client.result("tx_get", "[\"" + tx.hash().toHex() + "\"]");
        assertThat(fieldNames(pending)).containsExactly("hash", "status", "height", "index", "outcome", "transaction");
        assertThat(pending.get("status").textValue()).isEqualTo("pending");
        assertThat(pending.get("hash").textValue()).isEqualTo(tx.hash().toHex());
        assertThat(pending.get("height").isNull()).isTrue();
        assertThat(pending.get("index").isNull()).isTrue();
        assertThat(pending.get("outcome").isNull()).isTrue();
        assertThat(fieldNames(pending.get("transaction")))
                .containsExactly("kind", "sender", "nonce", "to", "amount", "signature");
        assertTransaction(pending.get("transaction"), tx);
    }

    @Test
    void aGrantShowsTheAccountAndPermission() {
        Transaction grant = Transaction.sign(TestGenesis.CHAIN_ID, TestKeys.admin(), 0,
                new Operation.Grant(TestKeys.stranger().publicKey(), Permission.PUT));
        client.result("tx_submit", txParam(grant.encode()));
        JsonNode json = client.result("tx_get", "{\"hash\":\"" + grant.hash().toHex() + "\"}").get("transaction");
        assertThat(fieldNames(json)).containsExactly("kind", "sender", "nonce", "account", "permission", "signature");
        assertThat(json.get("permission").textValue()).isEqualTo("put");
        assertTransaction(json, grant);
    }

    @Test
    void aUsedNonceIsRefusedWithTheLedgersReason() {
        long next = nextNonce(TestKeys.account(0));
        assertThat(next).as("the seeded chain used account 0").isPositive();
        JsonNode error = refused(transfer(next - 1).encode(), "nonce_too_low");
        assertThat(error.get("data").get("message").textValue()).contains("already used");
    }

    @Test
    void aBrokenSignatureIsRefused() {
        byte[] encoded = transfer(nextNonce(TestKeys.account(0))).encode();
        encoded[encoded.length - 1] ^= 1;
        refused(encoded, "bad_signature");
    }

    @Test
    void hexThatIsNotATransactionIsRefusedAsMalformed() {
        refused(new byte[] {1, 2, 3}, "malformed");
    }

    @Test
    void aSecondSubmissionIsRefusedAsDuplicate() {
        Transaction tx = transfer(nextNonce(TestKeys.account(0)));
        client.result("tx_submit", txParam(tx.encode()));
        JsonNode error = client.error("tx_submit", txParam(tx.encode()));
        assertThat(error.get("code").asInt()).isEqualTo(-32000);
        assertThat(error.get("data").get("reason").textValue()).isEqualTo("duplicate");
        assertThat(fixture.node.mempool()).hasSize(1);
    }

    @Test
    void aCommittedTransactionShowsItsBlockIndexAndOutcome() {
        Transaction tx = store.block(2).orElseThrow().transactions().get(3);
        JsonNode json = client.result("tx_get", "{\"hash\":\"" + tx.hash().toHex() + "\"}");
        assertThat(fieldNames(json)).containsExactly("hash", "status", "height", "index", "outcome", "transaction");
        assertThat(json.get("hash").textValue()).isEqualTo(tx.hash().toHex());
        assertThat(json.get("status").textValue()).isEqualTo("committed");
        assertThat(json.get("height").asLong()).isEqualTo(2);
        assertThat(json.get("index").asInt()).isEqualTo(3);
        // The seeded chain's transfers are small against large balances: all succeed.
        assertThat(json.get("outcome").textValue()).isEqualTo("success");
        assertTransaction(json.get("transaction"), tx);
    }

    @Test
    void anUnknownTransactionIsNull() {
        assertThat(client.result("tx_get", "{\"hash\":\"" + "11".repeat(32) + "\"}").isNull()).isTrue();
    }
}
