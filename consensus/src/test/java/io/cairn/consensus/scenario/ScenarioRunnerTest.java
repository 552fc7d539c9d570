package io.cairn.consensus.scenario;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The runner must fail a scenario that leaves out an output, lists one too many, or gets one subtly wrong. */
class ScenarioRunnerTest {
    private static final String HEADER = """
            # Reference: PBFT section 4.2
            validators 4
            self 1
            start
            out persist h=1 v=0
            """;

    private static final String PREPARE_STEP = """
            in  pre-prepare h=1 v=0 block=A from=0
            out persist h=1 v=0 signed=prepare:0:A
            out broadcast prepare h=1 v=0 block=A
            """;

    @Test
    void passesWhenEveryOutputIsListed() {
        assertThatCode(() -> ScenarioRunner.run("ok", HEADER + PREPARE_STEP)).doesNotThrowAnyException();
    }

    @Test
    void failsWhenAnOutputIsNotListed() {
        String script = HEADER + PREPARE_STEP.replace("out broadcast prepare h=1 v=0 block=A\n", "");
        assertThatThrownBy(() -> ScenarioRunner.run("missing", script)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("actual:\n    out persist h=1 v=0 signed=prepare:0:A\n    out broadcast prepare h=1 v=0 block=A");
    }

    @Test
    void failsWhenAListedOutputDoesNotAppear() {
        String script = HEADER + PREPARE_STEP + "out broadcast commit h=1 v=0 block=A\n";
        assertThatThrownBy(() -> ScenarioRunner.run("extra", script)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("`in  pre-prepare h=1 v=0 block=A from=0` differs");
    }

    @Test
    void failsWhenOutputsAreInAnotherOrder() {
        String script = HEADER + """
                in  pre-prepare h=1 v=0 block=A from=0
                out broadcast prepare h=1 v=0 block=A
                out persist h=1 v=0 signed=prepare:0:A
                """;
        assertThatThrownBy(() -> ScenarioRunner.run("order", script)).isInstanceOf(AssertionError.class);
    }

    @Test
    void failsOnAWrongBlockInAPersistedState() {
        String script = HEADER + PREPARE_STEP.replace("signed=prepare:0:A", "signed=prepare:0:B");
        assertThatThrownBy(() -> ScenarioRunner.run("state", script)).isInstanceOf(AssertionError.class);
    }

    @Test
    void failsWhenOnlyTheSignatureDiffers() {
        // The text would be the same; the expected message is signed by another key.
        String script = HEADER + PREPARE_STEP.replace("out broadcast prepare h=1 v=0 block=A",
                "out broadcast prepare h=1 v=0 block=A sig=bad");
        assertThatThrownBy(() -> ScenarioRunner.run("signature", script)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected:\n    out persist h=1 v=0 signed=prepare:0:A\n"
                        + "    out broadcast prepare h=1 v=0 block=A sig=bad");
    }

    @Test
    void failsOnADropThatIsNotExpected() {
        String script = HEADER + "in  prepare h=1 v=0 block=A from=9\n";
        assertThatThrownBy(() -> ScenarioRunner.run("drop", script)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("expect drop NOT_A_VALIDATOR");
    }

    @Test
    void failsOnADropThatDidNotHappen() {
        String script = HEADER + PREPARE_STEP + "expect drop DUPLICATE\n";
        assertThatThrownBy(() -> ScenarioRunner.run("no drop", script)).isInstanceOf(AssertionError.class);
    }

    @Test
    void failsOnAWrongView() {
        assertThatThrownBy(() -> ScenarioRunner.run("view", HEADER + "expect view 1\n"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("expected view 1, was 0");
    }

    @Test
    void failsOnAWrongPrimary() {
        assertThatCode(() -> ScenarioRunner.run("primary", HEADER + "expect primary 0\n")).doesNotThrowAnyException();
        assertThatThrownBy(() -> ScenarioRunner.run("primary", HEADER + "expect primary 1\n"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("expected primary 1, was 0");
    }

    @Test
    void refusesAnOptionItDoesNotKnow() {
        String script = HEADER + "in  pre-prepare h=1 v=0 block=A from=0 viw=3\n";
        assertThatThrownBy(() -> ScenarioRunner.run("typo", script)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("typo:6: unknown option viw=");
    }

    @Test
    void refusesASenderOnAnOutput() {
        String script = HEADER + PREPARE_STEP.replace("out broadcast prepare h=1 v=0 block=A",
                "out broadcast prepare h=1 v=0 block=A from=1");
        assertThatThrownBy(() -> ScenarioRunner.run("from", script)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outputs are from this node, except COMMITs it passes on");
    }
}
