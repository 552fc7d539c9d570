package io.cairn.testnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.testnet.layout.TestnetLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lifecycle commands' refusals and failures, which need no running node. */
class LifecycleCommandsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void init() {
        assertThat(CommandRun.of("init", "--nodes", "2", "--dir", dir.resolve("net").toString(), "--accounts", "0")
                .exitCode()).isZero();
    }

    @Test
    void upRefusesADirectoryWithoutATestnet() {
        CommandRun run = CommandRun.of("up", "--dir", dir.resolve("empty").toString(), "--detach");

        assertThat(run.exitCode()).isEqualTo(CairnTestnet.BAD_INPUT);
        assertThat(run.err()).contains("holds no testnet").contains("init --dir");
    }

    @Test
    void upRefusesAMissingNodeJarBeforeStartingAnything() {
        CommandRun run = CommandRun.of("up", "--dir", net().toString(), "--detach", "--node-jar",
                dir.resolve("nope.jar").toString());

        assertThat(run.exitCode()).isEqualTo(CairnTestnet.BAD_INPUT);
        assertThat(run.err()).contains("--node-jar: " + dir.resolve("nope.jar") + " is not a file");
        assertThat(net().resolve("node-0/node.log")).doesNotExist();
    }

    @Test
    void upFailsWithTheLogOfANodeThatExitsWhileStarting() throws Exception {
        Path corrupt = Files.writeString(dir.resolve("corrupt.jar"), "not a jar");

        CommandRun run = CommandRun.of("up", "--dir", net().toString(), "--detach", "--node-jar", corrupt.toString());

        assertThat(run.exitCode()).isEqualTo(CairnTestnet.FAILED);
        assertThat(run.err()).contains("exited while starting").contains("Invalid or corrupt jarfile");
        assertThat(net().resolve("node-0/node.pid")).doesNotExist();
        assertThat(net().resolve("node-1/node.pid")).doesNotExist();
    }

    @Test
    void upRefusesATestnetMadeForSeveralHosts() {
        Path remote = dir.resolve("remote");
        assertThat(CommandRun.of("init", "--nodes", "2", "--dir", remote.toString(), "--hosts", "10.0.0.1,10.0.0.2")
                .exitCode()).isZero();

        CommandRun run = CommandRun.of("up", "--dir", remote.toString(), "--detach");

        assertThat(run.exitCode()).isEqualTo(CairnTestnet.BAD_INPUT);
        assertThat(run.err()).contains("was created for several hosts");
    }

    @Test
    void killAndStopRefuseANodeThatIsNotRunning() {
        CommandRun kill = CommandRun.of("kill", "--dir", net().toString(), "1");
        CommandRun stop = CommandRun.of("stop", "--dir", net().toString(), "validator-1");

        assertThat(kill.exitCode()).isEqualTo(CairnTestnet.BAD_INPUT);
        assertThat(kill.err()).contains("node 1 (validator-1) is not running");
        assertThat(stop.exitCode()).isEqualTo(CairnTestnet.BAD_INPUT);
        assertThat(stop.err()).contains("node 1 (validator-1) is not running");
    }

    @Test
    void anUnknownNodeIsRefusedWithTheValidChoices() {
        CommandRun run = CommandRun.of("kill", "--dir", net().toString(), "node-7");

        assertThat(run.exitCode()).isEqualTo(CairnTestnet.BAD_INPUT);
        assertThat(run.err()).contains("no node 'node-7'").contains("0..1");
    }

    @Test
    void aStalePidFileOfAnotherProgramCountsAsDown() throws Exception {
        // This JVM's pid: alive, but not a node, so status must not report it and kill must not touch it.
        Files.writeString(TestnetLayout.read(net()).pidFile(0), ProcessHandle.current().pid() + "\n");

        JsonNode rows = new ObjectMapper().readTree(CommandRun.of("status", "--dir", net().toString(), "--json").out());
        CommandRun kill = CommandRun.of("kill", "--dir", net().toString(), "0");

        assertThat(rows.get(0).get("up").asBoolean()).isFalse();
        assertThat(rows.get(0).get("pid").isNull()).isTrue();
        assertThat(kill.exitCode()).isEqualTo(CairnTestnet.BAD_INPUT);
    }

    @Test
    void statusOfAStoppedTestnetShowsEveryNodeDown() throws Exception {
        CommandRun run = CommandRun.of("status", "--dir", net().toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(run.out());
        assertThat(rows).hasSize(2);
        for (JsonNode row : rows) {
            assertThat(row.get("up").asBoolean()).isFalse();
            assertThat(row.get("height").isNull()).isTrue();
            assertThat(row.get("rpc").asText()).startsWith("http://127.0.0.1:");
        }
        assertThat(CommandRun.of("down", "--dir", net().toString()).out()).contains("no node was running");
    }

    private Path net() {
        return dir.resolve("net");
    }
}
