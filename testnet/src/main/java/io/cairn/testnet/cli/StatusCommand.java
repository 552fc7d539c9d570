package io.cairn.testnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.testnet.layout.TestnetLayout;
import io.cairn.testnet.layout.TestnetLayout.NodeEntry;
import io.cairn.testnet.process.NodeProbe;
import io.cairn.testnet.process.NodeProcesses;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code status}: each node's process and consensus state, as a table or as JSON for scripts. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Shows each node's state.")
final class StatusCommand extends TestnetCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--dir", defaultValue = UpCommand.DEFAULT_DIR, description = "The testnet directory (default ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--json", description = "Print a JSON array, one object per node.")
    boolean json;

    @Override
    int run(PrintWriter out, PrintWriter err) throws Exception {
        TestnetLayout layout = readLayout(dir);
        NodeProcesses processes = new NodeProcesses(layout);
        NodeProbe probe = new NodeProbe();
        ArrayNode rows = JSON.createArrayNode();
        for (NodeEntry node : layout.nodes()) {
            rows.add(row(node, processes.running(node.index()), probe));
        }
        if (json) {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rows));
        } else {
            printTable(rows, out);
        }
        return CairnTestnet.OK;
    }

    /** Fields a node could not give (down, or not answering) are null. */
    private static ObjectNode row(NodeEntry node, Optional<ProcessHandle> process, NodeProbe probe) {
        ObjectNode row = JSON.createObjectNode().put("index", node.index()).put("name", node.name());
        if (process.isPresent()) {
            row.put("pid", process.get().pid());
        } else {
            row.putNull("pid");
        }
        row.put("up", process.isPresent());
        Optional<JsonNode> status = process.isPresent() ? probe.status(node.rpcUri()) : Optional.empty();
        for (String field : new String[] {"height", "headHash", "view", "primary", "peers"}) {
            row.set(field, status.map(s -> s.get(field)).orElse(null));
            if (row.get(field) == null) {
                row.putNull(field);
            }
        }
        row.put("rpc", node.rpcUri().toString());
        return row;
    }

    private static void printTable(ArrayNode rows, PrintWriter out) {
        String format = "%-5s %-13s %-8s %-5s %-7s %-18s %-5s %-8s %-6s %s%n";
        out.printf(format, "node", "name", "pid", "state", "height", "head", "view", "primary", "peers", "rpc");
        for (JsonNode row : rows) {
            String head = row.get("headHash").isNull() ? "-" : abbreviate(row.get("headHash").asText());
            out.printf(format, row.get("index").asText(), row.get("name").asText(), text(row.get("pid")),
                    row.get("up").asBoolean() ? "up" : "down", text(row.get("height")), head, text(row.get("view")),
                    text(row.get("primary")), text(row.get("peers")), row.get("rpc").asText());
        }
    }

    private static String abbreviate(String hash) {
        return hash.length() > 16 ? hash.substring(0, 16) + ".." : hash;
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "-" : value.asText();
    }
}
