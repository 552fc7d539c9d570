package io.cairn.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.cairn.crypto.Hex;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures a 4-node network on this machine: committed signed transfers per second (every node
 * executes and stores every block), how fast a node that was down catches up on the history it
 * missed, and each node's resident memory. A measurement, not a test: it asserts only that the
 * work was done. Run it with
 * {@code mvn -B -q -pl node -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=NetworkBenchIT -Dcairn.bench=true}
 * (options: {@code -Dcairn.bench.perAccount=100} transfers from each of 400 accounts,
 * {@code -Dcairn.bench.blockTransactions=2000} per block, {@code -Dcairn.bench.jfr=true} to record
 * a flight recording per node).
 */
@EnabledIfSystemProperty(named = "cairn.bench", matches = "true")
class NetworkBenchIT {
    private static final int NODES = 4;
    private static final int ACCOUNTS = 400;
    private static final int PER_ACCOUNT = Integer.getInteger("cairn.bench.perAccount", 100);
    private static final int BATCH = 250;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void measure() throws Exception {
        try (LocalNetwork network = LocalNetwork.create("bench", NODES, false, ACCOUNTS,
                Integer.getInteger("cairn.bench.blockTransactions", 2_000))) {
            List<String> options = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseParallelGC"));
            if (Boolean.getBoolean("cairn.bench.jfr")) {
                options.add("-XX:StartFlightRecording=filename=node.jfr,settings=profile");
            }
            network.jvmOptions(options);
            network.limits(Map.of("nonceWindow", 1_024, "mempoolTransactions", 200_000));
            network.startAll();
            List<List<byte[]>> perNode = signTransfers();
            int total = perNode.stream().mapToInt(List::size).sum();
            long[] cpuBefore = cpuMillis(network);
            long clientCpuBefore = clientCpuMillis();
            long start = System.nanoTime();
            List<Thread> clients = new ArrayList<>();
            for (int node = 0; node < NODES; node++) {
                int target = node;
                Thread client = new Thread(() -> submitAll(network, target, perNode.get(target)), "client-" + node);
                clients.add(client);
                client.start();
            }
            for (Thread client : clients) {
                client.join();
            }
            double submitSeconds = (System.nanoTime() - start) / 1e9;
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> committedTransactions(network, 0) >= total);
            double seconds = (System.nanoTime() - start) / 1e9;
            long height = network.rpc(0).height();
            String rss = residentMemory(network, NODES);
            long[] cpuAfter = cpuMillis(network);
            long clientCpu = clientCpuMillis() - clientCpuBefore;

            // Catch-up: a validator that lost its whole store starts again and fetches the history.
            int lagging = NODES - 1;
            network.kill(lagging);
            LocalNetwork.deleteRecursively(network.home(lagging).resolve("data"));
            long restart = System.nanoTime();
            network.restart(lagging);
            double startSeconds = (System.nanoTime() - restart) / 1e9;
            long caughtUpFrom = System.nanoTime();
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> network.rpc(lagging).height() >= height);
            double catchUp = (System.nanoTime() - caughtUpFrom) / 1e9;

            System.out.printf("%n== Cairn 4-node network on %d cores ==%n", Runtime.getRuntime().availableProcessors());
            System.out.printf("committed %,d signed transfers in %,d blocks in %.1f s: %,.0f tx/s"
                    + " (submitting took %.1f s)%n", total, height, seconds, total / seconds, submitSeconds);
            System.out.printf("catch-up of an empty node: %,d blocks / %,d transactions of history in %.1f s after"
                    + " its RPC answered (%.1f s after start): %,.0f tx/s, %,.0f blocks/s%n", height, total, catchUp,
                    startSeconds, total / catchUp, height / catchUp);
            System.out.printf("resident memory per node after the load: %s%n", rss);
            StringBuilder cpu = new StringBuilder();
            long nodesCpu = 0;
            for (int node = 0; node < NODES; node++) {
                long used = cpuAfter[node] - cpuBefore[node];
                nodesCpu += used;
                cpu.append(String.format("node %d %.1f s, ", node, used / 1e3));
            }
            System.out.printf("CPU during the load: %sload generator %.1f s; %.0f µs of node CPU per transaction%n",
                    cpu, clientCpu / 1e3, nodesCpu * 1e3 / total);
            assertThat(network.rpc(lagging).height()).isGreaterThanOrEqualTo(height);
        }
    }

    private static List<List<byte[]>> signTransfers() {
        List<List<byte[]>> perNode = new ArrayList<>();
        for (int node = 0; node < NODES; node++) {
            perNode.add(new ArrayList<>());
        }
        for (int nonce = 0; nonce < PER_ACCOUNT; nonce++) {
            for (int account = 0; account < ACCOUNTS; account++) {
                Transaction tx = Transaction.sign(TestGenesis.CHAIN_ID, TestKeys.account(account), nonce,
                        new Operation.Transfer(TestKeys.account((account + 1) % ACCOUNTS).publicKey(), 1));
                perNode.get(account % NODES).add(tx.encode());
            }
        }
        return perNode;
    }

    /** Submits in JSON-RPC batches over one keep-alive connection, retrying what the node refused as too early. */
    static void submitAll(LocalNetwork network, int node, List<byte[]> transactions) {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + network.rpcPort(node) + "/rpc");
        List<byte[]> waiting = new ArrayList<>(transactions);
        try {
            while (!waiting.isEmpty()) {
                List<byte[]> retry = new ArrayList<>();
                for (int from = 0; from < waiting.size(); from += BATCH) {
                    List<byte[]> batch = waiting.subList(from, Math.min(waiting.size(), from + BATCH));
                    ArrayNode request = JSON.createArrayNode();
                    for (int i = 0; i < batch.size(); i++) {
                        request.addObject().put("jsonrpc", "2.0").put("id", i).put("method", "tx_submit")
                                .putObject("params").put("tx", Hex.encode(batch.get(i)));
                    }
                    String body = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    for (JsonNode response : JSON.readTree(body)) {
                        JsonNode error = response.get("error");
                        if (error != null && !"duplicate".equals(error.path("data").path("reason").asText())) {
                            retry.add(batch.get(response.get("id").asInt()));
                        }
                    }
                }
                waiting = retry;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long committedTransactions(LocalNetwork network, int node) throws Exception {
        // The nonce of every account is the number of its committed transactions.
        long sum = 0;
        for (int account = 0; account < ACCOUNTS; account++) {
            sum += network.rpc(node).result("state_getAccount",
                    Map.of("address", TestKeys.account(account).publicKey().toHex())).get("nonce").asLong();
        }
        return sum;
    }

    /** User + system CPU time of each node process so far, from /proc (clock ticks of 10 ms). */
    private static long[] cpuMillis(LocalNetwork network) throws Exception {
        long[] millis = new long[NODES];
        for (int node = 0; node < NODES; node++) {
            millis[node] = processCpuMillis(network.pid(node));
        }
        return millis;
    }

    private static long clientCpuMillis() throws Exception {
        return processCpuMillis(ProcessHandle.current().pid());
    }

    private static long processCpuMillis(long pid) throws Exception {
        String stat = Files.readString(Paths.get("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // utime, stime
    }

    private static String residentMemory(LocalNetwork network, int nodes) throws Exception {
        List<String> sizes = new ArrayList<>();
        for (int node = 0; node < nodes; node++) {
            for (String line : Files.readAllLines(Paths.get("/proc", Long.toString(network.pid(node)), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    sizes.add("node " + node + " " + line.substring(6).trim());
                }
            }
        }
        return String.join(", ", sizes);
    }
}
