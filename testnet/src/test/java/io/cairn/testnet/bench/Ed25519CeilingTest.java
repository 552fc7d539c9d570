package io.cairn.testnet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Ed25519CeilingTest {
    @Test
    void aShortMeasurementCountsRealVerificationsAndScalesByTheCores() {
        Ed25519Ceiling ceiling = Ed25519Ceiling.measure(50, 200);

        // any machine this runs on verifies more than 100 and fewer than 10 million signatures a second per thread
        assertThat(ceiling.perThreadPerSecond()).isBetween(100.0, 10_000_000.0);
        assertThat(ceiling.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(ceiling.verificationsPerSecond()).isEqualTo(ceiling.perThreadPerSecond() * ceiling.cores());
        assertThat(ceiling.transactionsPerSecond(4)).isEqualTo(ceiling.verificationsPerSecond() / 4);
    }

    @Test
    void aRateThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> new Ed25519Ceiling(0, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new Ed25519Ceiling(1_000, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cores at least 1");
    }
}
