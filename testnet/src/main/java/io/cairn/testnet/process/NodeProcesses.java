package io.cairn.testnet.process;

import io.cairn.testnet.cli.TestnetFailure;
import io.cairn.testnet.init.PortPlan;
import io.cairn.testnet.layout.TestnetLayout;
import io.cairn.testnet.layout.TestnetLayout.NodeEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts and stops a testnet's node processes. A started node is known by its pid file
 * (DIR/node-I/node.pid), so any later command, in any process, finds it again.
 */
public final class NodeProcesses {
    /** Extra JVM options for every node, split on whitespace (for example a smaller heap in tests). */
    public static final String JAVA_OPTS_ENV = "CAIRN_NODE_JAVA_OPTS";
    public static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(200);

    private final TestnetLayout layout;

    public NodeProcesses(TestnetLayout layout) {
        this.layout = layout;
    }

    /** The node's process, if its pid file names a live cairn-node process. */
    public Optional<ProcessHandle> running(int node) {
        return alive(node).filter(NodeProcesses::looksLikeNode);
    }

    /**
     * The live process of the node's pid file, whatever its command line: right after a start, the
     * JDK's launch helper may still stand where the node's command line will be.
     */
    private Optional<ProcessHandle> alive(int node) {
        long pid;
        try {
            pid = Long.parseLong(Files.readString(layout.pidFile(node)).trim());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }

    /** Refuses, naming node and port, if any of these nodes' p2p or RPC port is taken. Starts nothing. */
    public void requirePortsFree(List<Integer> nodes) {
        List<String> taken = new ArrayList<>();
        for (int node : nodes) {
            NodeEntry entry = layout.node(node);
            if (!PortPlan.isFree(entry.p2pPort())) {
                taken.add("node " + node + " (" + entry.name() + ") p2p port " + entry.p2pPort());
            }
            if (!PortPlan.isFree(entry.rpcPort())) {
                taken.add("node " + node + " (" + entry.name() + ") RPC port " + entry.rpcPort());
            }
        }
        if (!taken.isEmpty()) {
            throw TestnetFailure.badInput("port already in use: " + String.join(", ", taken)
                    + "; stop what listens there or re-create the testnet with 'init --force'");
        }
    }

    /** Starts node {@code node} in its home, appending its output to node.log; writes node.pid. */
    public Process start(int node, Path nodeJar) throws IOException {
        Path home = layout.home(node);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String options = System.getenv(JAVA_OPTS_ENV);
        if (options != null && !options.isBlank()) {
            command.addAll(Arrays.asList(options.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", nodeJar.toString(), "run", "--config", "node.json"));
        Process process = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.logFile(node).toFile()))
                .start();
        Files.writeString(layout.pidFile(node), process.pid() + "\n");
        return process;
    }

    /**
     * Waits until every node answers /health with 200. Fails, with the last lines of its log, as soon as
     * one of them exits; fails after {@code bound}.
     */
    public void awaitHealthy(List<Integer> nodes, Duration bound, NodeProbe probe) {
        long deadline = System.nanoTime() + bound.toNanos();
        List<Integer> waiting = new ArrayList<>(nodes);
        while (!waiting.isEmpty()) {
            int node = waiting.get(0);
            Optional<ProcessHandle> process = alive(node); // just started: see alive()
            if (process.isEmpty()) {
                throw TestnetFailure.failed("node " + node + " (" + layout.node(node).name() + ") exited while starting;"
                        + " the end of " + layout.logFile(node) + ":\n" + tail(layout.logFile(node), 20));
            }
            if (probe.healthy(layout.node(node).rpcUri())) {
                waiting.remove(0);
                continue;
            }
            if (System.nanoTime() > deadline) {
                throw TestnetFailure.failed("node " + node + " (" + layout.node(node).name() + ") is not healthy after "
                        + bound.toSeconds() + " s; see " + layout.logFile(node));
            }
            awaitExit(process.get(), POLL);
        }
    }

    /** SIGTERM, then SIGKILL if it has not exited within {@code grace}; false if it was not running. */
    public boolean stop(int node, Duration grace) {
        Optional<ProcessHandle> process = running(node);
        process.ifPresent(ProcessHandle::destroy);
        process.ifPresent(handle -> {
            if (!awaitExit(handle, grace)) {
                handle.destroyForcibly();
                awaitExit(handle, grace);
            }
        });
        deletePidFile(node);
        return process.isPresent();
    }

    /** SIGKILL: the node gets no chance to flush or close anything. False if it was not running. */
    public boolean kill(int node) {
        Optional<ProcessHandle> process = running(node);
        process.ifPresent(handle -> {
            handle.destroyForcibly();
            awaitExit(handle, STOP_GRACE);
        });
        deletePidFile(node);
        return process.isPresent();
    }

    /** Stops all running nodes at once (SIGTERM to each, then wait), so the stop takes one grace period. */
    public List<Integer> stopAll(Duration grace) {
        List<Integer> stopped = new ArrayList<>();
        List<ProcessHandle> handles = new ArrayList<>();
        for (int i = 0; i < layout.nodes().size(); i++) {
            Optional<ProcessHandle> process = running(i);
            if (process.isPresent()) {
                process.get().destroy();
                handles.add(process.get());
                stopped.add(i);
            }
        }
        for (ProcessHandle handle : handles) {
            if (!awaitExit(handle, grace)) {
                handle.destroyForcibly();
                awaitExit(handle, grace);
            }
        }
        for (int i = 0; i < layout.nodes().size(); i++) {
            deletePidFile(i); // also the stale file of a node that exited by itself
        }
        return stopped;
    }

    /** The last {@code lines} lines of a log file. */
    public static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private void deletePidFile(int node) {
        try {
            Files.deleteIfExists(layout.pidFile(node));
        } catch (IOException ignored) {
            // A stale pid file is harmless: running() checks the process behind it.
        }
    }

    private static boolean awaitExit(ProcessHandle handle, Duration bound) {
        try {
            handle.onExit().get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    /** A recycled pid must not be mistaken for a node: its command line, when the OS tells it, runs 'run --config'. */
    private static boolean looksLikeNode(ProcessHandle handle) {
        return handle.info().commandLine().map(line -> line.contains("run --config")).orElse(true);
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
