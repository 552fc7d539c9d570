package io.cairn.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.ledger.testing.TestKeys;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code tx get}, {@code block get}, {@code account get}: the node's answer as JSON, or one line and exit 1. */
class QueryCommandsTest {
    private static final String HASH = "5e".repeat(32);
    private static final String ADDRESS = TestKeys.account(2).publicKey().toHex();

    private FakeNode node;

    @BeforeEach
    void startNode() throws IOException {
        node = FakeNode.start();
    }

    @AfterEach
    void stopNode() {
        node.close();
    }

    @Test
    void txGetPrintsTheNodesAnswerAsJson() throws Exception {
        ObjectNode answer = FakeNode.JSON.createObjectNode().put("hash", HASH).put("status", "committed")
                .put("height", 8).put("index", 1).put("outcome", "success");
        node.answer("tx_get", answer);

        CommandRun run = CommandRun.of("tx", "get", "--rpc", node.url(), HASH);

        assertThat(run.exitCode()).isZero();
        assertThat(FakeNode.JSON.readTree(run.out())).isEqualTo(answer);
        assertThat(run.outLines()).hasSizeGreaterThan(1); // indented for people, not one long line
        assertThat(node.only("tx_get").params()).isEqualTo(FakeNode.JSON.createObjectNode().put("hash", HASH));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "latest  | {\"height\":\"latest\"}",
        "0       | {\"height\":0}",
        "1234    | {\"height\":1234}",
        "5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e | "
                + "{\"hash\":\"5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e\"}"})
    void blockGetAsksByHeightByHashOrForTheLatest(String reference, String params) throws Exception {
        ObjectNode block = FakeNode.JSON.createObjectNode().put("hash", HASH);
        block.putObject("header").put("height", 3);
        node.answer("chain_getBlock", block);

        CommandRun run = CommandRun.of("block", "get", "--rpc", node.url(), reference);

        assertThat(run.exitCode()).isZero();
        assertThat(FakeNode.JSON.readTree(run.out())).isEqualTo(block);
        assertThat(node.only("chain_getBlock").params()).isEqualTo(FakeNode.JSON.readTree(params));
    }

    @Test
    void accountGetPrintsTheAccount() throws Exception {
        JsonNode account = TxSendCommandTest.account(TestKeys.account(2).publicKey(), 4);
        node.answer("state_getAccount", account);

        CommandRun run = CommandRun.of("account", "get", "--rpc", node.url(), ADDRESS);

        assertThat(run.exitCode()).isZero();
        assertThat(FakeNode.JSON.readTree(run.out())).isEqualTo(FakeNode.JSON.readTree(account.toString()));
        assertThat(node.only("state_getAccount").params().get("address").asText()).isEqualTo(ADDRESS);
    }

    @Test
    void whatTheNodeDoesNotHaveIsNotFoundWithExitOne() {
        node.answer("tx_get", FakeNode.JSON.nullNode())
                .answer("chain_getBlock", FakeNode.JSON.nullNode())
                .answer("state_getAccount", FakeNode.JSON.nullNode());

        CommandRun tx = CommandRun.of("tx", "get", "--rpc", node.url(), HASH);
        CommandRun block = CommandRun.of("block", "get", "--rpc", node.url(), "77");
        CommandRun blockByHash = CommandRun.of("block", "get", "--rpc", node.url(), HASH);
        CommandRun account = CommandRun.of("account", "get", "--rpc", node.url(), ADDRESS);

        assertThat(tx.errLines()).containsExactly("cairn-node: transaction " + HASH + " not found");
        assertThat(block.errLines()).containsExactly("cairn-node: block at height 77 not found");
        assertThat(blockByHash.errLines()).containsExactly("cairn-node: block " + HASH + " not found");
        assertThat(account.errLines()).containsExactly("cairn-node: account " + ADDRESS + " not found");
        for (CommandRun run : new CommandRun[] {tx, block, blockByHash, account}) {
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void aJsonRpcErrorIsOneLineWithMessageAndReason() {
        node.refuse("state_getAccount", -32001, "node is syncing: state at height 3 of 90", "syncing");

        CommandRun run = CommandRun.of("account", "get", "--rpc", node.url(), ADDRESS);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("cairn-node: state_getAccount failed: node is syncing: state at"
                + " height 3 of 90 (code -32001, reason syncing)");
    }

    @Test
    void anUnreachableNodeIsOneLineAndExitOne() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort(); // free once closed: nothing listens there
        }

        CommandRun run = CommandRun.of("tx", "get", "--rpc", "http://127.0.0.1:" + closedPort, HASH);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(
                "cairn-node: cannot reach the node at http://127.0.0.1:" + closedPort + "/rpc: connection refused");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anAnswerThatIsNotJsonRpcIsOneLineAndExitOne() {
        node.answerRaw(502, "<html>bad gateway</html>");
        CommandRun badGateway = CommandRun.of("tx", "get", "--rpc", node.url(), HASH);

        node.answerRaw(200, "{\"hello\": \"world\"}");
        CommandRun notJsonRpc = CommandRun.of("tx", "get", "--rpc", node.url(), HASH);

        assertThat(badGateway.exitCode()).isEqualTo(1);
        assertThat(badGateway.errLines()).containsExactly("cairn-node: the node at " + node.url()
                + "/rpc answered HTTP 502");
        assertThat(notJsonRpc.exitCode()).isEqualTo(1);
        assertThat(notJsonRpc.errLines()).containsExactly("cairn-node: the node at " + node.url()
                + "/rpc did not answer tx_get with a JSON-RPC 2.0 result");
    }

    @Test
    void aUrlWithAPathIsUsedAsItIs() {
        node.answer("state_getAccount", FakeNode.JSON.nullNode());

        CommandRun withRpcPath = CommandRun.of("account", "get", "--rpc", node.url() + "/rpc", ADDRESS);
        CommandRun elsewhere = CommandRun.of("account", "get", "--rpc", node.url() + "/api", ADDRESS);

        assertThat(withRpcPath.errLines()).containsExactly("cairn-node: account " + ADDRESS + " not found");
        assertThat(elsewhere.errLines()).containsExactly("cairn-node: the node at " + node.url()
                + "/api answered HTTP 404");
        assertThat(node.calls()).hasSize(1);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
        "tx get 1234                        | Invalid value for positional parameter at index 0 (HASH): not a hash:"
                + " expected 64 hex characters (32 bytes), got 4",
        "block get newest                   | Invalid value for positional parameter at index 0 (HEIGHT|HASH|latest):"
                + " expected a height, a block hash (64 hex characters) or 'latest', got 'newest'",
        "block get 99999999999999999999     | height 99999999999999999999 is larger than 9223372036854775807",
        "account get xyz                    | not an address (an Ed25519 public key in hex)",
        "account get --rpc ftp://host 00    | Invalid value for option '--rpc': 'ftp://host' is not an http:// or"
                + " https:// URL"})
    void badArgumentsAreUsageErrors(String args, String message) {
        CommandRun run = CommandRun.of(args.split(" +"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("cairn-node: ").contains(message).hasLineCount(1);
        assertThat(node.calls()).isEmpty();
    }
}
