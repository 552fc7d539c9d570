package io.cairn.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ledger.testing.TestKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The node a client command talks to comes from CAIRN_RPC when --rpc is not given. The environment
 * of a running JVM cannot change, so these run the command in a child JVM on the test classpath.
 */
class RpcEnvironmentTest {
    private static final String ADDRESS = TestKeys.account(3).publicKey().toHex();

    private FakeNode fromEnvironment;
    private FakeNode fromOption;

    @BeforeEach
    void startNodes() throws IOException {
        fromEnvironment = FakeNode.start().answer("state_getAccount", TxSendCommandTest.account(TestKeys.account(3).publicKey(), 5));
        fromOption = FakeNode.start().answer("state_getAccount", FakeNode.JSON.nullNode());
    }

    @AfterEach
    void stopNodes() {
        fromEnvironment.close();
        fromOption.close();
    }

    @Test
    void withoutRpcTheCommandAsksTheNodeNamedByCairnRpc() throws Exception {
        Child child = run(fromEnvironment.url(), "account", "get", ADDRESS);

        assertThat(child.exitCode()).as(child.err()).isZero();
        assertThat(FakeNode.JSON.readTree(child.out()).get("nonce").asLong()).isEqualTo(5);
        assertThat(fromEnvironment.methods()).containsExactly("state_getAccount");
    }

    @Test
    void anExplicitRpcWinsOverCairnRpc() throws Exception {
        Child child = run(fromEnvironment.url(), "account", "get", "--rpc", fromOption.url(), ADDRESS);

        assertThat(child.exitCode()).isEqualTo(1);
        assertThat(child.err().lines()).containsExactly("cairn-node: account " + ADDRESS + " not found");
        assertThat(fromEnvironment.calls()).isEmpty();
        assertThat(fromOption.methods()).containsExactly("state_getAccount");
    }

    private record Child(int exitCode, String out, String err) {}

    private static Child run(String cairnRpc, String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp",
                System.getProperty("java.class.path"), CairnNode.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("CAIRN_RPC", cairnRpc);
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the client did not finish within 60 s");
        }
        return new Child(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
