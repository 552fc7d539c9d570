package io.cairn.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.Hex;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Permission;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code tx transfer|put|grant|revoke} sign with the local key file and send only the signed
 * transaction: what arrives decodes, verifies and holds the right fields, chain id and nonce.
 */
class TxSendCommandTest {
    private static final String CHAIN = "cairn-fake";
    private static final PublicKey RECIPIENT = TestKeys.account(1).publicKey();

    @TempDir
    Path dir;
    private FakeNode node;
    private SenderKey sender;

    @BeforeEach
    void startNode() throws Exception {
        sender = SenderKey.account(dir, 0);
        node = FakeNode.start()
                .answer("node_status", FakeNode.JSON.createObjectNode().put("chainId", CHAIN).put("height", 3))
                .answer("state_getAccount", account(sender.key().publicKey(), 7));
        node.admitEverything();
    }

    @AfterEach
    void stopNode() {
        node.close();
    }

    @Test
    void transferIsSignedLocallyWithTheNodesChainIdAndTheAccountsNextNonce() throws Exception {
        CommandRun run = send("transfer", "--to", RECIPIENT.toHex(), "--amount", "250");

        Transaction sent = submitted();
        assertThat(sent.hasValidSignature()).isTrue();
        assertThat(sent.chainId()).isEqualTo(CHAIN);
        assertThat(sent.sender()).isEqualTo(sender.key().publicKey());
        assertThat(sent.nonce()).isEqualTo(7);
        assertThat(sent.operation()).isEqualTo(new Operation.Transfer(RECIPIENT, 250));
        assertThat(node.only("state_getAccount").params().get("address").asText()).isEqualTo(sender.key().publicKey().toHex());
        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly(sent.hash().toHex());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void noRequestEverCarriesTheKeyFilesSecret() throws Exception {
        send("transfer", "--to", RECIPIENT.toHex(), "--amount", "1");
        send("put", "--data-key-text", "doc", "--value", "00ff");
        send("grant", "--account", RECIPIENT.toHex(), "--permission", "put");

        assertThat(node.methods()).contains("tx_submit");
        for (FakeNode.Call call : node.calls()) {
            for (String secret : sender.secretForms()) {
                assertThat(call.body()).as(call.method()).doesNotContain(secret);
            }
        }
    }

    @Test
    void givenNonceAndChainIdTheNodeIsAskedForNothingButTheSubmission() throws Exception {
        CommandRun run = send("transfer", "--to", RECIPIENT.toHex(), "--amount", "5", "--nonce", "42",
                "--chain-id", "other-chain");

        Transaction sent = submitted();
        assertThat(node.methods()).containsExactly("tx_submit");
        assertThat(sent.nonce()).isEqualTo(42);
        assertThat(sent.chainId()).isEqualTo("other-chain");
        assertThat(sent.hasValidSignature()).isTrue();
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void anAccountTheChainDoesNotHoldYetStartsAtNonceZero() throws Exception {
        node.answer("state_getAccount", FakeNode.JSON.nullNode());

        send("transfer", "--to", RECIPIENT.toHex(), "--amount", "5");

        assertThat(submitted().nonce()).isZero();
    }

    @Test
    void putTakesKeyAndValueAsTextOrHex() throws Exception {
        send("put", "--data-key-text", "invoice/17", "--value-text", "paid ✓");
        send("put", "--data-key", "00ff10", "--value", "");

        List<Transaction> sent = allSubmitted();
        assertThat(sent.get(0).operation()).isEqualTo(new Operation.Put(
                "invoice/17".getBytes(StandardCharsets.UTF_8), "paid ✓".getBytes(StandardCharsets.UTF_8)));
        assertThat(sent.get(1).operation()).isEqualTo(new Operation.Put(new byte[] {0x00, (byte) 0xff, 0x10}, new byte[0]));
        assertThat(sent).allMatch(Transaction::hasValidSignature);
    }

    @Test
    void grantAndRevokeNameTheAccountAndThePermission() throws Exception {
        send("grant", "--account", RECIPIENT.toHex(), "--permission", "admin");
        send("revoke", "--account", RECIPIENT.toHex(), "--permission", "transfer");

        List<Transaction> sent = allSubmitted();
        assertThat(sent.get(0).operation()).isEqualTo(new Operation.Grant(RECIPIENT, Permission.ADMIN));
        assertThat(sent.get(1).operation()).isEqualTo(new Operation.Revoke(RECIPIENT, Permission.TRANSFER));
    }

    @Test
    void aRefusedTransactionIsOneLineWithTheNodesMessageAndReason() {
        node.refuse("tx_submit", -32000, "transaction refused: nonce 7 is below the account's next nonce 9",
                "nonce_too_low");

        CommandRun run = send("transfer", "--to", RECIPIENT.toHex(), "--amount", "5");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("cairn-node: tx_submit failed: transaction refused: nonce 7 is"
                + " below the account's next nonce 9 (code -32000, reason nonce_too_low)");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aNodeThatAdmitsUnderAnotherHashIsNotBelieved() {
        String wrong = "ab".repeat(32);
        node.answer("tx_submit", FakeNode.JSON.createObjectNode().put("hash", wrong));

        CommandRun run = send("transfer", "--to", RECIPIENT.toHex(), "--amount", "5");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement(STRING).contains("to tx_submit names hash \"" + wrong + "\"");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void nothingIsSignedWhenTheNodeGivesNoUsableChainIdOrNonce() {
        node.answer("node_status", FakeNode.JSON.createObjectNode().put("chainId", "no spaces allowed"));
        CommandRun badChain = send("transfer", "--to", RECIPIENT.toHex(), "--amount", "5");
        node.answer("node_status", FakeNode.JSON.createObjectNode().put("chainId", CHAIN))
                .answer("state_getAccount", FakeNode.JSON.createObjectNode().put("nonce", "7"));
        CommandRun badNonce = send("transfer", "--to", RECIPIENT.toHex(), "--amount", "5");

        assertThat(badChain.exitCode()).isEqualTo(1);
        assertThat(badChain.errLines()).containsExactly("cairn-node: the answer of the node at " + node.url()
                + "/rpc to node_status has no valid chainId: \"no spaces allowed\"");
        assertThat(badNonce.exitCode()).isEqualTo(1);
        assertThat(badNonce.errLines()).containsExactly("cairn-node: the answer of the node at " + node.url()
                + "/rpc to state_getAccount has no valid nonce");
        assertThat(node.methods()).doesNotContain("tx_submit");
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
        "transfer --to RECIPIENT --amount 0                 | --amount must be at least 1, got 0",
        "transfer --to 12zz --amount 1                      | Invalid value for option '--to': not an address"
                + " (an Ed25519 public key in hex): expected 64 hex characters",
        "transfer --to RECIPIENT --amount 1 --nonce -1      | --nonce must not be negative, got -1",
        "transfer --to RECIPIENT --amount 1 --chain-id a:b  | --chain-id must be 1 to 32 characters of"
                + " A-Z a-z 0-9 . _ -, got 'a:b'",
        "transfer --to RECIPIENT --amount 1 --timeout 5s    | Missing required argument(s): --wait",
        "put --data-key abc --value 00                      | --data-key: hex has an odd number of characters (3)",
        "put --data-key-text LONG_KEY --value 00            | a put key must be 1 to 256 bytes, got 257",
        "put --data-key-text k --data-key 00 --value 00     | --data-key=HEX, --data-key-text=TEXT are mutually exclusive",
        "grant --account RECIPIENT --permission root        | Invalid value for option '--permission':"
                + " expected one of transfer, put, admin, got 'root'"})
    void badValuesAreUsageErrorsAndNothingIsSent(String args, String message) {
        String[] split = args.replace("RECIPIENT", RECIPIENT.toHex()).replace("LONG_KEY", "x".repeat(257)).split(" +");

        CommandRun run = send(split);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("cairn-node: " + message).hasLineCount(1);
        assertThat(run.out()).isEmpty();
        assertThat(node.calls()).isEmpty();
    }

    @Test
    void aMissingKeyFileIsOneLineWithExitTwoAndNothingIsSent() {
        Path missing = dir.resolve("nobody.key");

        CommandRun run = CommandRun.of("tx", "transfer", "--rpc", node.url(), "--key", missing.toString(),
                "--to", RECIPIENT.toHex(), "--amount", "1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("cairn-node: key file " + missing + " does not exist");
        assertThat(node.calls()).isEmpty();
    }

    private CommandRun send(String... args) {
        List<String> all = new ArrayList<>(List.of("tx", args[0], "--rpc", node.url(), "--key", sender.file().toString()));
        all.addAll(List.of(args).subList(1, args.length));
        return CommandRun.of(all.toArray(String[]::new));
    }

    private Transaction submitted() throws Exception {
        List<Transaction> sent = allSubmitted();
        assertThat(sent).hasSize(1);
        return sent.get(0);
    }

    private List<Transaction> allSubmitted() throws Exception {
        List<Transaction> sent = new ArrayList<>();
        for (FakeNode.Call call : node.calls()) {
            if (call.method().equals("tx_submit")) {
                assertThat(call.params().fieldNames()).toIterable().containsExactly("tx");
                sent.add(Transaction.decode(Hex.decode(call.params().get("tx").asText())));
            }
        }
        return sent;
    }

    static ObjectNode account(PublicKey address, long nonce) {
        ObjectNode account = FakeNode.JSON.createObjectNode().put("address", address.toHex()).put("balance", 1000)
                .put("nonce", nonce);
        account.putArray("permissions").add("transfer").add("put");
        return account;
    }
}
