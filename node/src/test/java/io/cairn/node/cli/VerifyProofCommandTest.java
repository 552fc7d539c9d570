package io.cairn.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.testing.TestGenesis;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code verify-proof}: a real proof from a committed block verifies against the genesis alone,
 * for every position in trees of odd and even sizes, from a file, stdin or a whole JSON-RPC response.
 */
class VerifyProofCommandTest {
    private static final Genesis GENESIS = TestGenesis.of(4, 6);
    private static ProofFixture sevenTransactions;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildChain() {
        sevenTransactions = ProofFixture.block(GENESIS, 7, 11);
    }

    @ParameterizedTest(name = "{0} transactions")
    @ValueSource(ints = {1, 2, 3, 5, 8})
    void everyTransactionOfABlockVerifies(int transactions) throws Exception {
        ProofFixture fixture = ProofFixture.block(GENESIS, transactions, 100 + transactions);
        Path genesis = fixture.writeGenesis(dir);

        for (int index = 0; index < transactions; index++) {
            Path proof = ProofFixture.write(dir, "proof-" + index + ".json", fixture.answer(index));

            CommandRun run = CommandRun.of("verify-proof", "--genesis", genesis.toString(), proof.toString());

            assertThat(run.exitCode()).as("index %d", index).isZero();
            assertThat(run.outLines()).containsExactly("verified: transaction " + fixture.transactionHash(index).toHex()
                    + " is in block " + fixture.block().height() + ", final: signed by 3 of 4 validators");
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void aWholeJsonRpcResponseVerifiesLikeItsResult() throws Exception {
        ObjectNode response = FakeNode.JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1);
        response.set("result", sevenTransactions.answer(4));

        CommandRun run = verify(ProofFixture.write(dir, "response.json", response));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("verified: transaction " + sevenTransactions.transactionHash(4).toHex());
    }

    @Test
    void readsTheAnswerFromStdinWhenGivenADashOrNothing() throws Exception {
        Path genesis = sevenTransactions.writeGenesis(dir);
        byte[] answer = sevenTransactions.answer(2).toString().getBytes(StandardCharsets.UTF_8);

        CommandRun dash = withStdin(answer, () -> CommandRun.of("verify-proof", "--genesis", genesis.toString(), "-"));
        CommandRun none = withStdin(answer, () -> CommandRun.of("verify-proof", "--genesis", genesis.toString()));

        for (CommandRun run : new CommandRun[] {dash, none}) {
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).startsWith("verified: transaction " + sevenTransactions.transactionHash(2).toHex());
        }
    }

    @Test
    void aNullAnswerIsNotAProof() throws Exception {
        CommandRun run = verify(ProofFixture.write(dir, "null.json", "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":null}"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(
                "cairn-node: not verified: the answer is null: the node has no committed transaction with that hash");
    }

    @Test
    void aFileThatIsNotJsonIsNotVerified() throws Exception {
        CommandRun run = verify(ProofFixture.write(dir, "text.json", "verified, trust me"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().startsWith("cairn-node: not verified: the proof is not JSON: ");
    }

    @Test
    void missingFilesAreBadInputWithExitTwo() throws Exception {
        Path genesis = sevenTransactions.writeGenesis(dir);
        Path proof = ProofFixture.write(dir, "proof.json", sevenTransactions.answer(0));
        Path nowhere = dir.resolve("nowhere.json");

        CommandRun noProof = CommandRun.of("verify-proof", "--genesis", genesis.toString(), nowhere.toString());
        CommandRun noGenesis = CommandRun.of("verify-proof", "--genesis", nowhere.toString(), proof.toString());

        assertThat(noProof.exitCode()).isEqualTo(2);
        assertThat(noProof.errLines()).containsExactly("cairn-node: proof file " + nowhere + " does not exist");
        assertThat(noGenesis.exitCode()).isEqualTo(2);
        assertThat(noGenesis.errLines()).containsExactly("cairn-node: " + nowhere + ": no such file");
    }

    private CommandRun verify(Path proof) throws Exception {
        return CommandRun.of("verify-proof", "--genesis", sevenTransactions.writeGenesis(dir).toString(), proof.toString());
    }

    private static CommandRun withStdin(byte[] input, java.util.function.Supplier<CommandRun> command) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(input));
        try {
            return command.get();
        } finally {
            System.setIn(original);
        }
    }
}
