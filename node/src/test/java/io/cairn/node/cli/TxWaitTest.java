package io.cairn.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.Hex;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.testing.TestKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --wait}: polls tx_get for the submitted hash until committed, or gives up at the timeout. */
class TxWaitTest {
    @TempDir
    Path dir;
    private FakeNode node;
    private SenderKey sender;

    @BeforeEach
    void startNode() throws Exception {
        sender = SenderKey.account(dir, 0);
        node = FakeNode.start().admitEverything();
    }

    @AfterEach
    void stopNode() {
        node.close();
    }

    @Test
    void waitPollsUntilCommittedAndPrintsBlockIndexAndOutcome() throws Exception {
        node.answer("tx_get", FakeNode.JSON.nullNode(), status("pending"), status("pending"),
                committed(12, 3, "success"));

        CommandRun run = transfer("--wait", "--timeout", "10s");

        String hash = submittedHash();
        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly(hash, "committed in block 12 at index 3: success");
        assertThat(run.err()).isEmpty();
        List<String> polled = new ArrayList<>();
        node.calls().stream().filter(call -> call.method().equals("tx_get"))
                .forEach(call -> polled.add(call.params().get("hash").asText()));
        assertThat(polled).hasSize(4).containsOnly(hash);
    }

    @Test
    void aCommittedTransactionThatFailedExitsOneAfterPrintingWhere() throws Exception {
        node.answer("tx_get", committed(4, 0, "insufficient_balance"));

        CommandRun run = transfer("--wait");

        String hash = submittedHash();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.outLines()).containsExactly(hash, "committed in block 4 at index 0: insufficient_balance");
        assertThat(run.errLines()).containsExactly(
                "cairn-node: transaction " + hash + " was committed but failed: insufficient_balance");
    }

    @Test
    void aTransactionThatStaysPendingTimesOutWithOneLineAndExitOne() throws Exception {
        node.answer("tx_get", status("pending"));

        CommandRun run = transfer("--wait", "--timeout", "700ms");

        String hash = submittedHash();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.outLines()).containsExactly(hash);
        assertThat(run.errLines()).containsExactly(
                "cairn-node: transaction " + hash + " was not committed within 700ms (still pending)");
        assertThat(node.methods().stream().filter("tx_get"::equals).count()).isGreaterThan(1);
    }

    @Test
    void aTransactionTheNodeForgetsTimesOutSayingSo() throws Exception {
        node.answer("tx_get", FakeNode.JSON.nullNode());

        CommandRun run = transfer("--wait", "--timeout", "300ms");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("cairn-node: transaction " + submittedHash()
                + " was not committed within 300ms (the node does not know it)");
    }

    @Test
    void withoutWaitTheHashIsPrintedAndTheStatusNeverAsked() throws Exception {
        CommandRun run = transfer();

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly(submittedHash());
        assertThat(node.methods()).containsExactly("tx_submit");
    }

    @Test
    void aBadTimeoutIsAUsageError() {
        CommandRun run = transfer("--wait", "--timeout", "30");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("cairn-node: Invalid value for option '--timeout': expected a"
                + " duration such as 500ms, 30s or 2m, got '30' (see 'cairn-node tx transfer --help')");
        assertThat(node.calls()).isEmpty();
    }

    private CommandRun transfer(String... extra) {
        List<String> args = new ArrayList<>(List.of("tx", "transfer", "--rpc", node.url(), "--key",
                sender.file().toString(), "--to", TestKeys.account(1).publicKey().toHex(), "--amount", "9",
                "--nonce", "0", "--chain-id", "cairn-fake"));
        args.addAll(List.of(extra));
        return CommandRun.of(args.toArray(String[]::new));
    }

    private String submittedHash() throws Exception {
        JsonNode tx = node.only("tx_submit").params().get("tx");
        return Transaction.decode(Hex.decode(tx.asText())).hash().toHex();
    }

    private static ObjectNode status(String status) {
        return FakeNode.JSON.createObjectNode().put("status", status);
    }

    private static ObjectNode committed(long height, int index, String outcome) {
        return status("committed").put("height", height).put("index", index).put("outcome", outcome);
    }
}
