package io.cairn.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.ledger.testing.TestGenesis;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the block and transaction pages conclude in the browser, from the RPC's own answers: a
 * block of the chain is final with 3 of 4 signatures; a transaction's proof holds; and every way a
 * lying node could dress up a block or a proof ends in a warning that says what is wrong.
 */
class ExplorerVerifyCertificateTest {
    @RegisterExtension
    static final RpcServerFixture fixture = new RpcServerFixture();
    private static final RpcClient client = fixture.client;
    private static final String CHAIN = TestGenesis.CHAIN_ID;
    private static List<String> keys;

    @BeforeAll
    static void needsNodeJs() {
        ExplorerScript.assumeNodeJs();
        keys = fixture.node.genesis().validators().stream().map(v -> v.publicKey().toHex()).toList();
    }

    private static ObjectNode block(long height) {
        return (ObjectNode) client.result("chain_getBlock", "{\"height\":" + height + "}");
    }

    private static ObjectNode changed(ObjectNode original, Consumer<ObjectNode> change) {
        ObjectNode copy = original.deepCopy();
        change.accept(copy);
        return copy;
    }

    private static ArrayNode signatures(ObjectNode block) {
        return (ArrayNode) block.get("certificate").get("signatures");
    }

    /** The last hex digit changed: the same length, another value. */
    private static String flipped(String hex) {
        char last = hex.charAt(hex.length() - 1);
        return hex.substring(0, hex.length() - 1) + (last == '0' ? '1' : '0');
    }

    @Test
    void aBlockOfTheChainIsFinalSignedByAQuorumAndEachSignerIsNamed() {
        ExplorerScript script = new ExplorerScript();
        for (long height = 1; height <= InMemoryNode.BLOCKS; height++) {
            script.call("checkBlock", CHAIN, keys, block(height));
        }
        List<JsonNode> results = script.run();
        for (JsonNode check : results) {
            assertThat(check.get("final").asBoolean()).as("%s", check).isTrue();
            assertThat(check.get("reason").isNull()).isTrue();
            assertThat(check.get("valid").asInt()).isEqualTo(3);
            assertThat(check.get("n").asInt()).isEqualTo(4);
            assertThat(check.get("quorum").asInt()).isEqualTo(3);
            JsonNode signers = check.get("signers");
            for (int i = 0; i < 3; i++) {
                assertThat(signers.get(i).get("present").asBoolean()).isTrue();
                assertThat(signers.get(i).get("valid").asBoolean()).isTrue();
            }
            assertThat(signers.get(3).get("present").asBoolean()).as("validator 3 did not sign").isFalse();
        }
    }

    @Test
    void everyWayABlockCanBeWrongEndsInAWarningSayingWhy() {
        ObjectNode block = block(2);
        ObjectNode other = block(1);
        Map<String, ObjectNode> cases = new LinkedHashMap<>();
        cases.put("the signature of validator 1 does not verify", changed(block, b -> {
            ObjectNode signature = (ObjectNode) signatures(b).get(1);
            signature.put("signature", flipped(signature.get("signature").textValue()));
        }));
        cases.put("only 2 of 4 validators signed; finality needs 3", changed(block, b -> signatures(b).remove(2)));
        cases.put("the certificate holds validator 0 twice", changed(block, b -> signatures(b).set(1, signatures(b).get(0))));
        cases.put("validator 7, which is not in genesis", changed(block, b -> ((ObjectNode) signatures(b).get(2)).put("validator", 7)));
        cases.put("the certificate is for block " + other.get("hash").textValue(),
                changed(block, b -> b.set("certificate", other.get("certificate"))));
        cases.put("the certificate is for height 3, not 2", changed(block, b -> ((ObjectNode) b.get("certificate")).put("height", 3)));
        cases.put("the header shown hashes to", changed(block, b -> ((ObjectNode) b.get("header"))
                .put("stateRoot", flipped(b.get("header").get("stateRoot").textValue()))));
        cases.put("the transactions listed do not match the header's transactionsRoot",
                changed(block, b -> ((ArrayNode) b.get("transactions")).remove(0)));
        cases.put("the node sent no certificate for this block", changed(block, b -> b.set("certificate", NullNode.getInstance())));

        ExplorerScript script = new ExplorerScript();
        cases.values().forEach(tampered -> script.call("checkBlock", CHAIN, keys, tampered));
        script.call("checkBlock", "another-chain", keys, block);
        List<JsonNode> results = script.run();

        int at = 0;
        for (String reason : cases.keySet()) {
            JsonNode check = results.get(at++);
            assertThat(check.get("final").asBoolean()).as(reason).isFalse();
            assertThat(check.get("reason").textValue()).as(reason).contains(reason);
        }
        JsonNode otherChain = results.get(at);
        assertThat(otherChain.get("final").asBoolean()).isFalse();
        assertThat(otherChain.get("reason").textValue()).isEqualTo("the signature of validator 0, 1, 2 does not verify");
        assertThat(otherChain.get("valid").asInt()).isZero();
    }

    @Test
    void aTransactionsProofHoldsAndATamperedOneDoesNot() {
        JsonNode transactions = block(2).get("transactions");
        ExplorerScript script = new ExplorerScript();
        for (JsonNode tx : transactions) {
            String hash = tx.get("hash").textValue();
            script.call("checkInclusion", CHAIN, keys, client.result("tx_getProof", "{\"hash\":\"" + hash + "\"}"), hash);
        }
        String hash = transactions.get(1).get("hash").textValue();
        ObjectNode proof = (ObjectNode) client.result("tx_getProof", "{\"hash\":\"" + hash + "\"}");
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("the Merkle proof does not lead to the block's transactionsRoot", new Object[] {changed(proof, p -> {
            ArrayNode path = (ArrayNode) p.get("proof").get("path");
            path.set(0, path.get(1));
        }), hash});
        cases.put("the certificate is for block", new Object[] {changed(proof, p ->
                p.put("headerEncoded", flipped(p.get("headerEncoded").textValue()))), hash});
        cases.put("the proof is for another transaction", new Object[] {proof, transactions.get(2).get("hash").textValue()});
        cases.put("the encoded header is 156 bytes, not 157", new Object[] {changed(proof, p ->
                p.put("headerEncoded", p.get("headerEncoded").textValue().substring(2))), hash});
        cases.put("only 2 of 4 validators signed", new Object[] {changed(proof, p ->
                ((ArrayNode) p.get("certificate").get("signatures")).remove(0)), hash});
        cases.values().forEach(c -> script.call("checkInclusion", CHAIN, keys, c[0], c[1]));
        List<JsonNode> results = script.run();

        for (int i = 0; i < transactions.size(); i++) {
            JsonNode check = results.get(i);
            assertThat(check.get("included").asBoolean()).as("%s", check).isTrue();
            assertThat(check.get("final").asBoolean()).isTrue();
            assertThat(check.get("certificate").get("valid").asInt()).isEqualTo(3);
        }
        int at = transactions.size();
        for (String reason : cases.keySet()) {
            JsonNode check = results.get(at++);
            assertThat(check.get("included").asBoolean() && check.get("final").asBoolean()).as(reason).isFalse();
            assertThat(check.get("reason").textValue()).as(reason).contains(reason);
        }
    }
}
