package io.cairn.testnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.testnet.cli.CairnTestnet;
import io.cairn.testnet.layout.TestnetLayout;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under load from {@code bench}: kill -9 of the primary, a view change, commits going on, the
 * primary restarted and catching up; at the end every node holds the same chain, so every
 * transaction reported committed anywhere is on every node.
 */
class FaultsUnderLoadIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TESTNET_JAR = Path.of(System.getProperty("cairn.testnet.jar", "target/cairn-testnet.jar"));
    private static final Path NODE_JAR = Path.of(System.getProperty("cairn.node.jar", "../node/target/cairn-node.jar"));
    private static final Duration BOUND = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @AfterEach
    void down() throws Exception {
        if (TestnetLayout.exists(dir)) {
            execute("down", "--dir", dir.toString());
        }
    }

    @Test
    void aPrimaryKilledUnderBenchLoadIsReplacedAndRejoinsAndEveryNodeEndsOnOneChain() throws Exception {
        assertThat(execute("init", "--nodes", "4", "--dir", dir.toString(), "--accounts", "40")).isZero();
        Process up = jar("up", "--dir", dir.toString(), "--detach", "--node-jar", NODE_JAR.toString());
        assertThat(up.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS) && up.exitValue() == 0).as("up").isTrue();
        TestnetLayout layout = TestnetLayout.read(dir);

        Process bench = jar("bench", "--dir", dir.toString(), "--duration", "20s", "--accounts", "40");
        await("load commits blocks").atMost(BOUND).until(() -> height(layout, 0) >= 3);
        JsonNode before = status().get(0);
        int primary = before.get("primary").asInt();
        long killedAt = before.get("height").asLong();
        assertThat(execute("kill", "--dir", dir.toString(), Integer.toString(primary))).isZero();

        int survivor = (primary + 1) % 4;
        await("commits go on without the primary").atMost(BOUND).until(() -> height(layout, survivor) >= killedAt + 6);
        // Primaries rotate per height: among any 4 heights begun after the kill, one was the dead
        // validator's to lead, and the others had to decide it in a later view.
        assertThat(certificateViews(layout, survivor, killedAt + 2, killedAt + 6))
                .as("the dead primary's height was decided in a later view").anyMatch(view -> view > 0);
        assertThat(execute("restart", "--dir", dir.toString(), "--node-jar", NODE_JAR.toString(),
                Integer.toString(primary))).isZero();

        assertThat(bench.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).as("bench ends").isTrue();
        String report = Files.readString(dir.resolve("bench.out"));
        assertThat(bench.exitValue()).as(report).isZero();
        assertThat(report).containsPattern("committed: [\\d,]+ tx/s");

        await("one head on every node").atMost(BOUND).pollInterval(Duration.ofMillis(250)).until(() -> {
            Set<String> heads = new HashSet<>();
            for (JsonNode node : status()) {
                heads.add(node.get("height") + "/" + node.get("headHash"));
            }
            return heads.size() == 1 && !heads.contains("null/null");
        });
        long height = status().get(0).get("height").asLong();
        for (long h = 1; h <= height; h++) {
            String hash = block(layout, 0, h).get("hash").asText();
            for (int node = 1; node < 4; node++) {
                assertThat(block(layout, node, h).get("hash").asText()).as("block %d on node %d", h, node)
                        .isEqualTo(hash);
            }
        }
    }

    private List<Long> certificateViews(TestnetLayout layout, int node, long from, long to) throws Exception {
        List<Long> views = new ArrayList<>();
        for (long h = from; h <= to; h++) {
            views.add(block(layout, node, h).get("certificate").get("view").asLong());
        }
        return views;
    }

    private long height(TestnetLayout layout, int node) throws Exception {
        return call(layout, node, "node_status", "{}").get("height").asLong();
    }

    private JsonNode block(TestnetLayout layout, int node, long height) throws Exception {
        return call(layout, node, "chain_getBlock", "{\"height\":" + height + "}");
    }

    private JsonNode call(TestnetLayout layout, int node, String method, String params) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(layout.node(node).rpcUri() + "/rpc"))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).get("result");
    }

    private JsonNode status() throws Exception {
        StringWriter out = new StringWriter();
        assertThat(CairnTestnet.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "status", "--dir", dir.toString(), "--json")).isZero();
        return JSON.readTree(out.toString());
    }

    /** A command of this JVM's testnet (it reads the same pid files and ports as the jar); fails with its output. */
    private int execute(String... args) {
        StringWriter output = new StringWriter();
        int code = CairnTestnet.execute(new PrintWriter(output, true), new PrintWriter(output, true), args);
        assertThat(code).as("%s: %s", String.join(" ", args), output).isZero();
        return code;
    }

    /** The testnet jar in its own process, its output to DIR/bench.out (for bench) or DIR/<command>.out. */
    private Process jar(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", TESTNET_JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(args[0] + ".out").toFile());
        builder.environment().put("CAIRN_NODE_JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        return builder.start();
    }
}
