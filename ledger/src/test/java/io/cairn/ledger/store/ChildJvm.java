package io.cairn.ledger.store;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A JVM started with this one's java and class path, running a main class of the test sources.
 * Its output (stdout and stderr) arrives line by line; every wait on it is bounded. Closing it
 * kills it, so a test that fails half-way leaves no process behind. Children are written to exit
 * when their stdin closes, which also ends them if this JVM dies first.
 */
final class ChildJvm implements AutoCloseable {
    private static final String END = "\u0000end of output";
    private final Process process;
    private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();
    private final List<String> output = new ArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "child-jvm-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static ChildJvm start(Class<?> mainClass, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow(() -> new IllegalStateException(
                "cannot tell which java runs this JVM")));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** The next line {@code wanted} accepts; fails if the child ends first or {@code timeout} passes. */
    String await(Predicate<String> wanted, String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = pending.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                return fail("the child printed no line " + what + " within " + timeout + "; its output:\n" + output());
            }
            if (line == END) {
                return fail("the child ended before printing a line " + what + "; its output:\n" + output());
            }
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    /** Kills the child with SIGKILL, waits for it to exit and returns everything it printed. */
    List<String> kill(Duration timeout) throws InterruptedException {
        process.destroyForcibly();
        return awaitEnd(timeout);
    }

    /** Closes the child's stdin, which asks it to finish, and returns everything it printed. */
    List<String> finish(Duration timeout) throws InterruptedException, IOException {
        process.getOutputStream().close();
        return awaitEnd(timeout);
    }

    int exitValue() {
        return process.exitValue();
    }

    synchronized String output() {
        return String.join("\n", output);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private List<String> awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            fail("the child did not exit within " + timeout + "; its output:\n" + output());
        }
        // Drain to the end of its output, so lines it printed just before exiting are not missed.
        String line;
        do {
            line = pending.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                fail("the output of the exited child did not end within " + timeout);
            }
        } while (line != END);
        synchronized (this) {
            return List.copyOf(output);
        }
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                synchronized (this) {
                    output.add(line);
                }
                pending.add(line);
            }
        } catch (IOException e) {
            synchronized (this) {
                output.add("(reading the child's output failed: " + e + ")");
            }
        } finally {
            pending.add(END);
        }
    }

    /** For children: ends this JVM at once when the parent closes stdin or dies. */
    static void exitWhenStdinCloses() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // nothing is sent; only the end matters
                }
            } catch (IOException e) {
                // a broken stdin means the parent is gone as well
            }
            Runtime.getRuntime().halt(3);
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
