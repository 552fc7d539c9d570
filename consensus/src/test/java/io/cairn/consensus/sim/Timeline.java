package io.cairn.consensus.sim;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Simulated time in milliseconds and the events scheduled on it. Events at the same instant run in
 * the order they were scheduled, so a run depends on nothing but its seed.
 */
public final class Timeline {
    private record Entry(long time, long sequence, Runnable action) {}

    private final PriorityQueue<Entry> queue = new PriorityQueue<>(
            Comparator.comparingLong(Entry::time).thenComparingLong(Entry::sequence));
    private long now;
    private long sequence;

    public long now() {
        return now;
    }

    public void at(long time, Runnable action) {
        if (time < now) {
            throw new IllegalArgumentException("cannot schedule at " + time + " ms, it is already " + now);
        }
        queue.add(new Entry(time, sequence++, action));
    }

    public void after(long delay, Runnable action) {
        at(now + delay, action);
    }

    /** Runs the next event if it is due by {@code deadline}; false when there is none. */
    public boolean runNext(long deadline) {
        Entry next = queue.peek();
        if (next == null || next.time() > deadline) {
            return false;
        }
        queue.poll();
        now = next.time();
        next.action().run();
        return true;
    }
}
