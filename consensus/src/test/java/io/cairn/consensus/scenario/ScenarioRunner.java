package io.cairn.consensus.scenario;

import io.cairn.consensus.ConsensusConfig;
import io.cairn.consensus.Event;
import io.cairn.consensus.Ready;
import io.cairn.consensus.Ready.Outbound;
import io.cairn.consensus.messages.CommitCertificate;
import io.cairn.consensus.statemachine.DropReason;
import io.cairn.consensus.testing.Blocks;
import io.cairn.consensus.testing.CoreHarness;
import io.cairn.consensus.testing.TestMessages;
import io.cairn.consensus.testing.TestValidators;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Runs a scenario file against one core, step by step. A step is one event line; the {@code out}
 * and {@code expect drop} lines after it are everything that step must produce, in the order of
 * {@link Ready} (persist, messages, decisions, sync, evidence): an output not listed fails, and
 * so does a listed one that does not appear. Outputs are compared with equals against messages
 * built from the line and signed with the validator's deterministic key, so signatures count too.
 *
 * <pre>
 * settings (before the first event):
 *   validators N | self I | timeout T | doublings D | future-heights H | future-views V | inbox K
 *   store h=H cert=NAME            the store already ends at height H
 * at any time:
 *   builder X | builder none       what the ProposalBuilder offers (block X at any height and view)
 *   invalid X                      the ProposalValidator rejects block X
 *   let NAME prepared h= v= block= signers=a,b,c    a prepared certificate (pre-prepare by the primary of h, v)
 *   let NAME commits h= v= block= signers=a,b,c     a commit certificate
 *   let NAME &lt;message&gt; from=I       a message, to send later or use in a NEW-VIEW's proof or evidence
 * events (each starts a step):
 *   start | restart                build the core (restart: from its last persisted state) and start() it
 *   in &lt;message&gt; from=I | in NAME  a received message
 *   tick [N]                       N ticks; their outputs together form the step
 *   work pending | work none
 *   applied h=H                    the node stored the decided block and acknowledges it
 *   synced h=H block=X cert=NAME
 * expectations:
 *   out persist h= v= [changing] [signed=type:view:X,...] [prepared=NAME]
 *   out broadcast &lt;message&gt; | out send to=I &lt;message&gt;   (outputs are from this node: no from=)
 *   out decide h= block=X (cert=NAME | v= signers=...)
 *   out sync from=H to=H peers=...
 *   out evidence validator=I first=NAME second=NAME
 *   expect drop REASON [count=N]   the step's drop counters (all of them, exactly)
 *   expect view V | expect height H | expect changing yes|no
 *   expect primary I               the primary of the core's current height and view
 * messages:
 *   pre-prepare h= v= block=X [digest=Y]     prepare h= v= block=X [primary-sig=bad]     commit h= v= block=X
 *   view-change v= h= [last=NAME] [prepared=NAME] [attach=X]
 *   new-view v= h= proof=NAME,... [block=X]  (signed and proposed by its sender)
 *   any of them with sig=bad: signed with a key that is no validator's
 * </pre>
 */
final class ScenarioRunner {
    private final String source;
    private final Map<String, Integer> settings = new HashMap<>(Map.of("timeout", 10, "doublings", 6,
            "future-heights", 4, "future-views", 16, "inbox", 64));
    private CoreHarness harness;
    private ScenarioObjects objects;
    private ScenarioRender render;
    private boolean started;

    // The step being checked.
    private ScenarioLine event;
    private final List<Object> actual = new ArrayList<>();
    private Map<DropReason, Long> dropsBefore = Map.of();
    private final List<Object> expected = new ArrayList<>();
    private final List<ScenarioLine> expectedLines = new ArrayList<>();
    private final Map<DropReason, Long> expectedDrops = new EnumMap<>(DropReason.class);
    private final List<Runnable> stateChecks = new ArrayList<>();

    private ScenarioRunner(String source) {
        this.source = source;
    }

    /** Runs the scenario {@code text}; throws AssertionError with both sides when a step differs. */
    static void run(String source, String text) {
        ScenarioRunner runner = new ScenarioRunner(source);
        for (ScenarioLine line : ScenarioParser.parse(source, text)) {
            runner.handle(line);
            line.requireAllUsed();
        }
        runner.finishStep();
        if (!runner.started) {
            throw new IllegalArgumentException(source + ": a scenario must start the core");
        }
    }

    private void handle(ScenarioLine line) {
        switch (line.keyword()) {
            case "validators", "self", "timeout", "doublings", "future-heights", "future-views", "inbox" -> setting(line);
            case "store" -> store(line);
            case "builder" -> builder(line);
            case "invalid" -> {
                objects().block(line.word(1));
                harness().validator().markInvalid(line.word(1));
            }
            case "let" -> objects().define(line);
            case "start", "restart", "in", "tick", "work", "applied", "synced" -> event(line);
            case "out" -> output(line);
            case "expect" -> expect(line);
            default -> throw line.error("unknown command " + line.keyword());
        }
    }

    private void setting(ScenarioLine line) {
        if (harness != null) {
            throw line.error("settings come before everything else");
        }
        settings.put(line.keyword(), Integer.parseInt(line.word(1)));
    }

    private CoreHarness harness() {
        if (harness == null) {
            if (!settings.containsKey("validators") || !settings.containsKey("self")) {
                throw new IllegalArgumentException(source + ": say 'validators N' and 'self I' first");
            }
            int n = settings.get("validators");
            harness = new CoreHarness(new ConsensusConfig(TestValidators.CHAIN_ID, TestValidators.of(n),
                    settings.get("self"), settings.get("timeout"), settings.get("doublings"),
                    settings.get("future-heights"), settings.get("future-views"), settings.get("inbox"),
                    32L << 20, ConsensusConfig.PlantedBug.NONE));
            objects = new ScenarioObjects(new TestMessages(n));
            render = new ScenarioRender(objects, TestValidators.CHAIN_ID, harness.config().validators(),
                    settings.get("self"));
        }
        return harness;
    }

    private ScenarioObjects objects() {
        harness();
        return objects;
    }

    private void store(ScenarioLine line) {
        if (started) {
            throw line.error("the store is set before start");
        }
        harness().storeAt(line.number("h"), objects.named(line.option("cert"), CommitCertificate.class, line));
    }

    private void builder(ScenarioLine line) {
        String what = line.word(1);
        if (what.equals("none")) {
            harness().builder().proposeNothing();
        } else {
            objects().block(what);
            harness().builder().propose(what);
        }
    }

    private void event(ScenarioLine line) {
        finishStep();
        event = line;
        CoreHarness core = harness();
        boolean fresh = line.keyword().equals("start") || line.keyword().equals("restart");
        if (line.keyword().equals("start") == started) {
            throw line.error(started ? "the core is already started" : "start the core first");
        }
        dropsBefore = fresh ? Map.of() : core.core().drops();
        List<Ready> readies = switch (line.keyword()) {
            case "start" -> List.of(core.start());
            case "restart" -> List.of(core.restart());
            case "in" -> List.of(core.deliver(objects.message(line, 1, OptionalInt.empty())));
            case "tick" -> core.ticks(line.wordCount() > 1 ? Integer.parseInt(line.word(1)) : 1);
            case "work" -> List.of(core.step(new Event.WorkPending(workPending(line))));
            case "applied" -> List.of(core.applied(line.number("h")));
            default -> List.of(core.step(new Event.Synced(line.number("h"), Blocks.bytes(line.option("block")),
                    objects.named(line.option("cert"), CommitCertificate.class, line))));
        };
        started = true;
        readies.forEach(this::collect);
    }

    private static boolean workPending(ScenarioLine line) {
        return switch (line.word(1)) {
            case "pending" -> true;
            case "none" -> false;
            default -> throw line.error("work pending | work none");
        };
    }

    private void collect(Ready ready) {
        ready.persist().ifPresent(actual::add);
        actual.addAll(ready.messages());
        actual.addAll(ready.decisions());
        ready.sync().ifPresent(actual::add);
        actual.addAll(ready.evidence());
    }

    private void output(ScenarioLine line) {
        if (event == null) {
            throw line.error("an out line belongs to the event before it");
        }
        int self = harness.config().self();
        Object output = switch (line.word(1)) {
            case "persist" -> objects.persist(line);
            case "broadcast" -> Outbound.broadcast(objects.message(line, 2, OptionalInt.of(self)));
            case "send" -> Outbound.to(line.integer("to"), objects.message(line, 2, OptionalInt.of(self)));
            case "decide" -> objects.decide(line);
            case "sync" -> objects.sync(line);
            case "evidence" -> objects.evidence(line);
            default -> throw line.error("unknown output " + line.word(1));
        };
        expected.add(output);
        expectedLines.add(line);
    }

    private void expect(ScenarioLine line) {
        switch (line.word(1)) {
            case "drop" -> {
                if (event == null) {
                    throw line.error("a drop belongs to the event before it");
                }
                DropReason reason = DropReason.valueOf(line.word(2));
                long count = line.has("count") ? line.number("count") : 1;
                expectedDrops.merge(reason, count, Long::sum);
            }
            case "view" -> afterOutputs(() -> check(line, "view", harness.core().view(), Long.parseLong(line.word(2))));
            case "height" -> afterOutputs(() -> check(line, "height", harness.core().height(), Long.parseLong(line.word(2))));
            case "changing" -> afterOutputs(() -> check(line, "changing view", harness.core().changingView(),
                    line.word(2).equals("yes")));
            case "primary" -> afterOutputs(() -> check(line, "primary", harness.core().primary(),
                    Integer.parseInt(line.word(2))));
            default -> throw line.error("unknown expectation " + line.word(1));
        }
    }

    /** State checks run once the step's outputs compared equal, so a wrong output is reported first. */
    private void afterOutputs(Runnable check) {
        if (event == null) {
            check.run();
        } else {
            stateChecks.add(check);
        }
    }

    private static void check(ScenarioLine line, String what, Object actual, Object expected) {
        if (!actual.equals(expected)) {
            throw new AssertionError(line.where() + ": expected " + what + " " + expected + ", was " + actual
                    + "\n    " + line.text);
        }
    }

    /** Compares the step's outputs and drops with what the scenario listed, then clears them. */
    private void finishStep() {
        if (event == null) {
            return;
        }
        Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
        harness.core().drops().forEach((reason, count) -> {
            long delta = count - dropsBefore.getOrDefault(reason, 0L);
            if (delta != 0) {
                drops.put(reason, delta);
            }
        });
        if (!expected.equals(actual) || !expectedDrops.equals(drops)) {
            throw new AssertionError(mismatch(drops));
        }
        stateChecks.forEach(Runnable::run);
        stateChecks.clear();
        actual.clear();
        expected.clear();
        expectedLines.clear();
        expectedDrops.clear();
        event = null;
    }

    private String mismatch(Map<DropReason, Long> drops) {
        StringBuilder text = new StringBuilder(event.where() + ": the step `" + event.text + "` differs\n  expected:\n");
        expectedLines.forEach(line -> text.append("    ").append(line.text).append('\n'));
        expectedDrops.forEach((reason, count) -> text.append("    expect drop ").append(reason)
                .append(count == 1 ? "" : " count=" + count).append('\n'));
        text.append("  actual:\n");
        actual.forEach(output -> text.append("    ").append(render.output(output)).append('\n'));
        drops.forEach((reason, count) -> text.append("    expect drop ").append(reason)
                .append(count == 1 ? "" : " count=" + count).append('\n'));
        if (expected.size() == actual.size() && expectedDrops.equals(drops)) {
            for (int i = 0; i < expected.size(); i++) {
                if (!expected.get(i).equals(actual.get(i))
                        && render.output(expected.get(i)).equals(render.output(actual.get(i)))) {
                    text.append("  output ").append(i + 1).append(" differs");
                    text.append(" (where the text looks alike: in signatures or carried bytes)\n");
                }
            }
        }
        return text.toString();
    }
}
