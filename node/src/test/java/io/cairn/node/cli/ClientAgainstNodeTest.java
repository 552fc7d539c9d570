package io.cairn.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.crypto.KeyFile;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.genesis.GenesisFile;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import io.cairn.node.Node;
import io.cairn.node.client.JsonRpcClient;
import io.cairn.node.config.NodeConfig;
import io.cairn.node.config.NodeSettings;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against a real node in this JVM (one validator, so it commits alone): the names and
 * shapes the commands send are the ones the node's RPC takes, and what it answers reads back.
 */
class ClientAgainstNodeTest {
    private static final Genesis GENESIS = TestGenesis.of(1, 2);
    private static final String RECIPIENT = TestKeys.account(1).publicKey().toHex();

    @TempDir
    static Path dir;
    private static Node node;
    private static String url;
    private static SenderKey sender;

    @BeforeAll
    static void startNode() throws Exception {
        GenesisFile.write(dir.resolve("genesis.json"), GENESIS);
        KeyFile.write(dir.resolve("node.key"), TestKeys.validator(0));
        int[] ports = freePorts();
        Path config = Files.writeString(dir.resolve("node.yaml"), """
                key: node.key
                dataDir: data
                genesis: genesis.json
                p2p:
                  listen: 127.0.0.1:%d
                  peers: []
                rpc:
                  listen: 127.0.0.1:%d
                consensus:
                  tickMillis: 50
                """.formatted(ports[0], ports[1]));
        node = Node.start(NodeSettings.resolve(NodeConfig.load(config)));
        url = "http://127.0.0.1:" + node.rpcPort();
        sender = SenderKey.account(dir, 0);
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aTransferIsCommittedAndEveryQueryShowsIt() throws Exception {
        CommandRun transfer = CommandRun.of("tx", "transfer", "--rpc", url, "--key", sender.file().toString(),
                "--to", RECIPIENT, "--amount", "250", "--wait", "--timeout", "20s");

        assertThat(transfer.exitCode()).as(transfer.err()).isZero();
        String hash = transfer.outLines().get(0);
        assertThat(transfer.outLines().get(1)).matches("committed in block \\d+ at index 0: success");

        JsonNode tx = json(CommandRun.of("tx", "get", "--rpc", url, hash));
        assertThat(tx.get("status").asText()).isEqualTo("committed");
        assertThat(tx.get("transaction").get("amount").asLong()).isEqualTo(250);

        JsonNode recipient = json(CommandRun.of("account", "get", "--rpc", url, RECIPIENT));
        assertThat(recipient.get("balance").asLong()).isEqualTo(TestGenesis.INITIAL_BALANCE + 250);

        long height = tx.get("height").asLong();
        JsonNode block = json(CommandRun.of("block", "get", "--rpc", url, Long.toString(height)));
        assertThat(block.get("transactions").findValuesAsText("hash")).contains(hash);
        JsonNode byHash = json(CommandRun.of("block", "get", "--rpc", url, block.get("hash").asText()));
        assertThat(byHash.get("header")).isEqualTo(block.get("header"));
        assertThat(json(CommandRun.of("block", "get", "--rpc", url, "latest")).get("header").get("height").asLong())
                .isGreaterThanOrEqualTo(height);
    }

    @Test
    void aReusedNonceIsRefusedByTheNodeWithItsReason() throws Exception {
        CommandRun first = CommandRun.of("tx", "put", "--rpc", url, "--key", sender.file().toString(),
                "--data-key-text", "note", "--value-text", "first", "--wait", "--timeout", "20s");
        assertThat(first.exitCode()).as(first.err()).isZero();
        long used = json(CommandRun.of("tx", "get", "--rpc", url, first.outLines().get(0)))
                .get("transaction").get("nonce").asLong();

        CommandRun again = CommandRun.of("tx", "put", "--rpc", url, "--key", sender.file().toString(),
                "--data-key-text", "note", "--value-text", "again", "--nonce", Long.toString(used));

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.errLines()).singleElement().asString()
                .startsWith("cairn-node: tx_submit failed: ")
                .endsWith("reason nonce_too_low)");
    }

    @Test
    void aProofFromTheNodeVerifiesOfflineAgainstTheGenesisAndNotAgainstAnother() throws Exception {
        CommandRun transfer = CommandRun.of("tx", "transfer", "--rpc", url, "--key", sender.file().toString(),
                "--to", RECIPIENT, "--amount", "7", "--wait", "--timeout", "20s");
        assertThat(transfer.exitCode()).as(transfer.err()).isZero();
        String hash = transfer.outLines().get(0);
        JsonRpcClient rpc = new JsonRpcClient(JsonRpcClient.endpoint(url));
        JsonNode proof = rpc.call("tx_getProof", FakeNode.JSON.createObjectNode().put("hash", hash));
        Path file = Files.writeString(dir.resolve("proof-" + hash + ".json"), proof.toString());

        CommandRun verified = CommandRun.of("verify-proof", "--genesis", dir.resolve("genesis.json").toString(),
                file.toString());
        assertThat(verified.exitCode()).as(verified.err()).isZero();
        assertThat(verified.out()).startsWith("verified: transaction " + hash);

        Path other = dir.resolve("other-genesis.json");
        GenesisFile.write(other, TestGenesis.of(4, 2));
        CommandRun refused = CommandRun.of("verify-proof", "--genesis", other.toString(), file.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
    }

    private static JsonNode json(CommandRun run) throws Exception {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return FakeNode.JSON.readTree(run.out());
    }

    private static int[] freePorts() throws Exception {
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            return new int[] {a.getLocalPort(), b.getLocalPort()};
        }
    }
}
