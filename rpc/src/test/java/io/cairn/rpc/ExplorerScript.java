package io.cairn.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The explorer's js/verify.js run by Node.js, as a browser runs it: calls are collected, then run
 * in one process by src/test/js/verify-harness.mjs. Tests using it are skipped (with a reason)
 * where Node.js is not installed; the browser tests run the same code in Chromium.
 */
final class ExplorerScript {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Path HARNESS = Paths.get("src", "test", "js", "verify-harness.mjs").toAbsolutePath();

    private final ArrayNode calls = JSON.createArrayNode();

    /** Skips the calling test when there is no Node.js to run the module with. */
    static void assumeNodeJs() {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            found |= !dir.isEmpty() && Files.isExecutable(Path.of(dir, "node"));
        }
        assumeTrue(found, "Node.js is not installed: the explorer's verify.js is checked by the browser tests only");
    }

    /** Adds a call of verify.js's {@code op} with {@code args} (values Jackson can write); returns its position. */
    int call(String op, Object... args) {
        ObjectNode call = calls.addObject().put("op", op);
        ArrayNode list = call.putArray("args");
        for (Object arg : args) {
            list.add(JSON.valueToTree(arg));
        }
        return calls.size() - 1;
    }

    /** Runs every call added; the results in the same order (bytes as hex, {thrown} for an exception). */
    List<JsonNode> run() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("explorer-verify");
            // A copy named .mjs: Node.js then loads it as a module whatever its version and settings.
            Path module = dir.resolve("verify.mjs");
            Files.copy(Paths.get(RpcServer.class.getResource(RpcServer.EXPLORER_DIRECTORY + "/js/verify.js").toURI()), module);
            Path input = dir.resolve("input.json");
            JSON.writeValue(input.toFile(), JSON.createObjectNode().put("module", module.toString()).set("calls", calls));
            Process node = new ProcessBuilder("node", HARNESS.toString(), input.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
            assertThat(node.exitValue()).as("node's exit code; it printed: %s", output).isZero();
            List<JsonNode> results = new ArrayList<>();
            JSON.readTree(output).forEach(results::add);
            assertThat(results).hasSize(calls.size());
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
            Files.delete(dir);
        } catch (IOException e) {
            // A temporary directory left behind harms nothing.
        }
    }
}
