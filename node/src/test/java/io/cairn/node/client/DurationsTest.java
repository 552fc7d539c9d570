package io.cairn.node.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --timeout} values: ms, s and m, positive, printed back in the form they were read. */
class DurationsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({"500ms, 500", "30s, 30000", "2m, 120000", "1500ms, 1500", "90s, 90000"})
    void readsMillisecondsSecondsAndMinutes(String text, long millis) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"500, 500ms", "30000, 30s", "120000, 2m", "90000, 90s", "61500, 61500ms"})
    void formatsInTheShortestExactForm(long millis, String text) {
        assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"30", "1h", "-5s", "1.5s", " 30s", "s", "9999999999s", ""})
    void refusesEverythingElseSayingWhatItExpects(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a duration such as 500ms, 30s or 2m, got '" + text + "'");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"0s", "0ms", "0m"})
    void refusesZero(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the duration must be more than zero, got '" + text + "'");
    }
}
