package io.cairn.consensus.attacks;

import io.cairn.consensus.Event;
import io.cairn.consensus.Ready;
import io.cairn.consensus.Ready.Decision;
import io.cairn.consensus.messages.ConsensusMessage;
import io.cairn.consensus.testing.CoreHarness;
import io.cairn.crypto.Hash;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A small synchronous network of honest cores for attack tests. Whatever an honest node sends is
 * delivered on the next tick; a sync request is answered on the next tick with the blocks other
 * honest nodes decided. The test plays the Byzantine validators itself: they have no core here,
 * overhear every honest message through {@link #tap}, and send with {@link #inject}. {@link #link}
 * decides which honest deliveries happen (a partition, lost messages).
 */
final class MiniNet {
    static final int TIMEOUT_TICKS = 10;

    record Envelope(int from, int to, ConsensusMessage message) {}

    private record SyncAnswer(int to, Decision decision) {}

    private final int n;
    private final List<CoreHarness> nodes = new ArrayList<>(); // null for a validator the test plays
    private final List<Map<Long, Decision>> decided = new ArrayList<>();
    private final Deque<Envelope> queue = new ArrayDeque<>();
    private final Deque<SyncAnswer> syncAnswers = new ArrayDeque<>();
    private long highestViewSent;
    /** Whether an honest message is delivered (false: lost on the way). */
    Predicate<Envelope> link = envelope -> true;
    /** Sees every message an honest node sends, delivered or not. */
    Consumer<Envelope> tap = envelope -> {};

    /** Validators 0 .. n - 1, each an honest core except those in {@code byzantine}. */
    MiniNet(int n, Set<Integer> byzantine) {
        this.n = n;
        for (int i = 0; i < n; i++) {
            nodes.add(byzantine.contains(i) ? null : CoreHarness.of(n, i, TIMEOUT_TICKS));
            decided.add(new TreeMap<>());
        }
    }

    List<Integer> honest() {
        List<Integer> honest = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (nodes.get(i) != null) {
                honest.add(i);
            }
        }
        return honest;
    }

    CoreHarness node(int index) {
        return nodes.get(index);
    }

    /** Starts every honest core, each with block {@code label} to propose when it is primary (null: none). */
    void start(String label) {
        for (int i : honest()) {
            CoreHarness node = nodes.get(i);
            handle(i, node.start());
            if (label != null) {
                offerWork(i, label);
            }
        }
    }

    /** Node {@code index} now holds work: it proposes block {@code label} whenever it is primary. */
    void offerWork(int index, String label) {
        nodes.get(index).builder().propose(label);
        handle(index, nodes.get(index).step(new Event.WorkPending(true)));
    }

    /** Carries out what node {@code from} was asked to do: send, answer sync next tick, apply and acknowledge. */
    void handle(int from, Ready ready) {
        for (Ready.Outbound out : ready.messages()) {
            if (out.to().isPresent()) {
                send(new Envelope(from, out.to().getAsInt(), out.message()));
            } else {
                for (int to = 0; to < n; to++) {
                    if (to != from) {
                        send(new Envelope(from, to, out.message()));
                    }
                }
            }
        }
        ready.sync().ifPresent(request -> {
            for (long height = request.fromHeight(); height <= request.targetHeight(); height++) {
                knownDecision(height).ifPresent(decision -> syncAnswers.add(new SyncAnswer(from, decision)));
            }
        });
        for (Decision decision : ready.decisions()) {
            decided.get(from).put(decision.height(), decision);
            handle(from, nodes.get(from).applied(decision.height()));
        }
    }

    private java.util.Optional<Decision> knownDecision(long height) {
        return decided.stream().map(byHeight -> byHeight.get(height)).filter(d -> d != null).findFirst();
    }

    private void send(Envelope envelope) {
        highestViewSent = Math.max(highestViewSent, envelope.message().view());
        tap.accept(envelope);
        if (nodes.get(envelope.to()) != null && link.test(envelope)) {
            queue.add(envelope);
        }
    }

    /** A message from a Byzantine validator (or a tampering relay), delivered on the next tick like any other. */
    void inject(int to, ConsensusMessage message) {
        if (nodes.get(to) != null) {
            queue.add(new Envelope(message.sender(), to, message));
        }
    }

    /** Delivers what was sent before this tick, then the sync answers, then ticks every honest core. */
    void tick() {
        for (int pending = queue.size(); pending > 0; pending--) {
            Envelope envelope = queue.poll();
            handle(envelope.to(), nodes.get(envelope.to()).deliver(envelope.message()));
        }
        for (int pending = syncAnswers.size(); pending > 0; pending--) {
            SyncAnswer answer = syncAnswers.poll();
            Decision decision = answer.decision();
            handle(answer.to(), nodes.get(answer.to()).step(
                    new Event.Synced(decision.height(), decision.proposal().bytes(), decision.certificate())));
        }
        for (int i : honest()) {
            handle(i, nodes.get(i).step(new Event.Tick()));
        }
    }

    void ticks(int count) {
        for (int i = 0; i < count; i++) {
            tick();
        }
    }

    /** Ticks until {@code done} holds, at most {@code maxTicks} times; whether it came to hold. */
    boolean runUntil(BooleanSupplier done, int maxTicks) {
        for (int i = 0; i < maxTicks && !done.getAsBoolean(); i++) {
            tick();
        }
        return done.getAsBoolean();
    }

    /** Whether every honest node has decided and applied every height below {@code height}. */
    boolean allAtHeight(long height) {
        return honest().stream().allMatch(i -> nodes.get(i).core().height() >= height);
    }

    /** The highest view named in any message an honest node sent so far. */
    long highestViewSent() {
        return highestViewSent;
    }

    /** Every block node {@code index} decided, by height. */
    Map<Long, Decision> decided(int index) {
        return decided.get(index);
    }

    /** The safety property: no two honest nodes decided different blocks at one height. */
    List<String> disagreements() {
        List<String> found = new ArrayList<>();
        Map<Long, Hash> first = new TreeMap<>();
        for (int i : honest()) {
            decided.get(i).forEach((height, decision) -> {
                Hash earlier = first.putIfAbsent(height, decision.certificate().digest());
                if (earlier != null && !earlier.equals(decision.certificate().digest())) {
                    found.add("height " + height + ": node " + i + " decided " + decision.certificate().digest()
                            + ", another node " + earlier);
                }
            });
        }
        return found;
    }

    /** Each honest node's height, view and drops, for failure messages. */
    String describe() {
        StringBuilder text = new StringBuilder();
        for (int i : honest()) {
            CoreHarness node = nodes.get(i);
            text.append(String.format("%n  node %d: height %d, view %d%s, drops %s", i, node.core().height(),
                    node.core().view(), node.core().changingView() ? " (changing)" : "", node.core().drops()));
        }
        return text.toString();
    }
}
