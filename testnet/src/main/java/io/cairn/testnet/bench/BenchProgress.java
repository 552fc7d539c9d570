package io.cairn.testnet.bench;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The watcher's polling thread, which also rewrites one progress line ({@code \r}) on stderr twice a second:
 * admitted, committed (of ours), and the committed rate since the start.
 */
final class BenchProgress implements AutoCloseable {
    private static final long POLL_MILLIS = 10;
    private static final long PRINT_MILLIS = 500;

    private final PrintWriter out;
    private final SubmitLoop loop;
    private final CommitWatcher watcher;
    private final LongSupplier clock;
    private final long started;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long lastBlockAt;

    private BenchProgress(PrintWriter out, SubmitLoop loop, CommitWatcher watcher, LongSupplier clock) {
        this.out = out;
        this.loop = loop;
        this.watcher = watcher;
        this.clock = clock;
        this.started = clock.getAsLong();
        this.lastBlockAt = started;
        this.thread = new Thread(this::watch, "bench-watch");
        thread.setDaemon(true);
    }

    static BenchProgress start(PrintWriter out, SubmitLoop loop, CommitWatcher watcher, LongSupplier clock) {
        BenchProgress progress = new BenchProgress(out, loop, watcher, clock);
        progress.thread.start();
        return progress;
    }

    private void watch() {
        long nextPrint = started;
        while (running) {
            long now = clock.getAsLong();
            if (watcher.poll() > 0) {
                lastBlockAt = now;
            }
            if (now >= nextPrint) {
                print(now);
                nextPrint = now + PRINT_MILLIS;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
        }
    }

    private void print(long now) {
        double seconds = Math.max(now - started, 1) / 1000.0;
        out.printf(Locale.US, "\rsubmitted %,d  committed %,d  %,.0f tx/s  blocks %,d   ", loop.submitted(),
                watcher.committedOfWatched(), watcher.committedOfWatched() / seconds, watcher.blocks());
        out.flush();
    }

    /** Waits until every admitted transaction is committed, or no block came for {@code quietMillis}. */
    void drain(long quietMillis) {
        while (watcher.committedOfWatched() < loop.submitted() && clock.getAsLong() - lastBlockAt < quietMillis) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        print(clock.getAsLong());
        out.println();
    }
}
