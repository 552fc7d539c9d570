package io.cairn.testnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.crypto.KeyFile;
import io.cairn.testnet.cli.CairnTestnet;
import io.cairn.testnet.layout.TestnetLayout;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The testnet jar as a user runs it, starting real node processes from the node jar: a network
 * comes up, reports its state, survives a killed node that restarts and catches up, and goes down.
 */
class NetworkLifecycleIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TESTNET_JAR = Path.of(System.getProperty("cairn.testnet.jar", "target/cairn-testnet.jar"));
    private static final Path NODE_JAR = Path.of(System.getProperty("cairn.node.jar", "../node/target/cairn-node.jar"));
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @AfterEach
    void down() throws Exception {
        if (TestnetLayout.exists(dir)) {
            testnet("down", "--dir", dir.toString());
        }
    }

    @Test
    void upReportsFourHealthyNodesAKilledNodeRejoinsAndDownStopsThemAll() throws Exception {
        assertThat(testnet("init", "--nodes", "4", "--dir", dir.toString(), "--accounts", "2").exitCode).isZero();
        Run up = testnet("up", "--dir", dir.toString(), "--detach", "--node-jar", NODE_JAR.toString());
        assertThat(up.exitCode).as(up.output).isZero();
        TestnetLayout layout = TestnetLayout.read(dir);
        assertThat(up.output).contains(layout.node(3).rpcUri() + "/");

        JsonNode status = status();
        assertThat(status).hasSize(4);
        List<Long> pids = new ArrayList<>();
        for (JsonNode node : status) {
            assertThat(node.get("up").asBoolean()).isTrue();
            assertThat(node.get("height").isIntegralNumber()).as(node.toString()).isTrue();
            pids.add(node.get("pid").asLong());
        }
        transfer(layout, 0);
        awaitHeights(1);

        Run kill = testnet("kill", "--dir", dir.toString(), "2");
        assertThat(kill.exitCode).as(kill.output).isZero();
        assertThat(ProcessHandle.of(pids.get(2)).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(status().get(2).get("up").asBoolean()).isFalse();
        transfer(layout, 1); // three of four validators are a quorum: the chain goes on without node 2
        long height = status().get(0).get("height").asLong();
        assertThat(height).isGreaterThanOrEqualTo(2);

        Run restart = testnet("restart", "--dir", dir.toString(), "--node-jar", NODE_JAR.toString(), "2");
        assertThat(restart.exitCode).as(restart.output).isZero();
        awaitHeights(height);

        Run down = testnet("down", "--dir", dir.toString());
        assertThat(down.exitCode).as(down.output).isZero();
        for (JsonNode node : status()) {
            assertThat(node.get("up").asBoolean()).isFalse();
        }
        pids.set(2, Long.parseLong(restart.output.replaceAll("(?s).*pid (\\d+).*", "$1")));
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid " + pid).isFalse();
        }
    }

    @Test
    void aPortInUseIsRefusedNamingNodeAndPortBeforeAnyNodeStarts() throws Exception {
        assertThat(testnet("init", "--nodes", "4", "--dir", dir.toString(), "--accounts", "0").exitCode).isZero();
        TestnetLayout layout = TestnetLayout.read(dir);
        int port = layout.node(2).rpcPort();
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", port));

            Run up = testnet("up", "--dir", dir.toString(), "--detach", "--node-jar", NODE_JAR.toString());

            assertThat(up.exitCode).isEqualTo(CairnTestnet.BAD_INPUT);
            assertThat(up.output).contains("port already in use: node 2 (validator-2) RPC port " + port);
            for (int i = 0; i < 4; i++) {
                assertThat(layout.pidFile(i)).doesNotExist();
                assertThat(layout.logFile(i)).doesNotExist();
            }
        }
    }

    /** Waits until every node is up at {@code height} or beyond, with one head hash for that height's nodes. */
    private void awaitHeights(long height) {
        await("every node at height " + height).atMost(BOUND).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode status = status();
            for (JsonNode node : status) {
                assertThat(node.get("up").asBoolean()).as(node.toString()).isTrue();
                assertThat(node.get("height").asLong()).as(node.toString()).isGreaterThanOrEqualTo(height);
            }
        });
    }

    /** status --json, in this JVM: it reads the same pid files and asks the same RPC ports. */
    private JsonNode status() throws Exception {
        StringWriter out = new StringWriter();
        int code = CairnTestnet.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "status", "--dir", dir.toString(), "--json");
        assertThat(code).isZero();
        return JSON.readTree(out.toString());
    }

    /** A transfer through the node's own client CLI, waiting for its commit: one more block. */
    private void transfer(TestnetLayout layout, int viaNode) throws Exception {
        String to = KeyFile.read(layout.accountKey(1)).publicKey().toHex();
        Run tx = run(List.of("-jar", NODE_JAR.toString(), "tx", "transfer", "--rpc",
                layout.node(viaNode).rpcUri().toString(), "--key", layout.accountKey(0).toString(), "--to", to,
                "--amount", "5", "--wait"));
        assertThat(tx.exitCode).as(tx.output).isZero();
        assertThat(tx.output).contains("success");
    }

    private Run testnet(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("-jar", TESTNET_JAR.toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    private Run run(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1"));
        command.addAll(args);
        Path output = Files.createTempFile("cairn-testnet-run", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("CAIRN_NODE_JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        Process process = builder.start();
        if (!process.waitFor(BOUND.toSeconds() + 30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command + "\n" + Files.readString(output));
        }
        String text = Files.readString(output);
        Files.delete(output);
        return new Run(process.exitValue(), text);
    }

    private record Run(int exitCode, String output) {}
}
