package io.cairn.testnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cairn.testnet.layout.TestnetLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** partition and heal against stand-in admins: what each node is told, and what is printed. */
class PartitionCommandTest {
    @TempDir
    Path dir;

    private final List<HttpServer> admins = new ArrayList<>();
    /** Per node, the requests it got: "path body". */
    private final List<List<String>> received = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void stopAdmins() {
        admins.forEach(admin -> admin.stop(0));
    }

    @Test
    void partitionTellsEachNodeToIsolateEveryNodeOutsideItsGroup() throws Exception {
        layout(4);

        int code = run("partition", "--dir", dir.toString(), "0,1,2", "3");

        assertThat(code).isEqualTo(CairnTestnet.OK);
        assertThat(received.get(0)).containsExactly("/partition {\"isolate\":[3]}");
        assertThat(received.get(2)).containsExactly("/partition {\"isolate\":[3]}");
        assertThat(received.get(3)).containsExactly("/partition {\"isolate\":[0,1,2]}");
        assertThat(out.toString()).contains("node 3: cut off from nodes [0, 1, 2]")
                .contains("partitioned: [0, 1, 2] | [3]");
    }

    @Test
    void healTellsEveryNodeToHeal() throws Exception {
        layout(3);

        int code = run("heal", "--dir", dir.toString());

        assertThat(code).isEqualTo(CairnTestnet.OK);
        assertThat(received).allSatisfy(requests -> assertThat(requests).containsExactly("/heal "));
        assertThat(out.toString()).contains("node 2: healed").contains("healed: every node connects to every node");
    }

    @Test
    void groupsThatLeaveANodeOutAreRefusedAndNoNodeIsTouched() throws Exception {
        layout(4);

        int code = run("partition", "--dir", dir.toString(), "0,1", "2");

        assertThat(code).isEqualTo(CairnTestnet.BAD_INPUT);
        assertThat(err.toString()).contains("partition: every node must be in exactly one group; not in any: [3]");
        assertThat(received).allSatisfy(requests -> assertThat(requests).isEmpty());
    }

    @Test
    void aDirectoryWithoutATestnetIsNamed() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));

        assertThat(run("heal", "--dir", empty.toString())).isEqualTo(CairnTestnet.BAD_INPUT);
        assertThat(err.toString()).contains("holds no testnet");
    }

    @Test
    void aNodeWithoutAnAdminIsReportedAndTheOthersAreStillTold() throws Exception {
        layout(3);
        admins.get(1).stop(0); // node 1 is down

        int code = run("partition", "--dir", dir.toString(), "0", "1,2");

        assertThat(code).isEqualTo(CairnTestnet.FAILED);
        assertThat(err.toString()).contains("partition: node 1: no fault-injection admin at 127.0.0.1:");
        assertThat(received.get(0)).containsExactly("/partition {\"isolate\":[1,2]}");
        assertThat(received.get(2)).containsExactly("/partition {\"isolate\":[0]}");
        assertThat(out.toString()).contains("partly partitioned");
    }

    private int run(String... args) {
        return CairnTestnet.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** A testnet of {@code nodes} whose admin ports are stand-ins answering as a node's admin does. */
    private void layout(int nodes) throws IOException {
        List<TestnetLayout.NodeEntry> entries = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            List<String> requests = new CopyOnWriteArrayList<>();
            received.add(requests);
            HttpServer admin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            admin.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String path = exchange.getRequestURI().getPath();
                requests.add(path + " " + body);
                String isolated = path.equals("/heal") ? "[]" : body.replaceAll(".*(\\[.*\\]).*", "$1");
                byte[] answer = ("{\"isolated\":" + isolated + "}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            admin.start();
            admins.add(admin);
            entries.add(new TestnetLayout.NodeEntry(i, "node-" + i, "127.0.0.1", 1, 2, admin.getAddress().getPort()));
        }
        new TestnetLayout(dir, "test-chain", entries, 0).write();
    }
}
