package io.cairn.rpc.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** WebSocket limits that cannot work are refused at construction, naming the field. */
class WsSettingsTest {
    private static final Duration PING = Duration.ofSeconds(1);

    @Test
    void eachLimitBelowItsMinimumIsRefusedByName() {
        assertThatThrownBy(() -> new WsSettings(0, 1, 1_024, 1, 1_024, 1, PING))
                .hasMessage("ws maxConnections must be at least 1, got 0");
        assertThatThrownBy(() -> new WsSettings(1, 0, 1_024, 1, 1_024, 1, PING))
                .hasMessage("ws maxSubscriptions must be at least 1, got 0");
        assertThatThrownBy(() -> new WsSettings(1, 1, 1_023, 1, 1_024, 1, PING))
                .hasMessage("ws maxMessageBytes must be at least 1024, got 1023");
        assertThatThrownBy(() -> new WsSettings(1, 1, 1_024, 0, 1_024, 1, PING))
                .hasMessage("ws maxQueuedMessages must be at least 1, got 0");
        assertThatThrownBy(() -> new WsSettings(1, 1, 1_024, 1, 10, 1, PING))
                .hasMessage("ws maxQueuedBytes must be at least 1024, got 10");
        assertThatThrownBy(() -> new WsSettings(1, 1, 1_024, 1, 1_024, 0, PING))
                .hasMessage("ws eventBacklog must be at least 1, got 0");
    }

    @Test
    void aPingIntervalUnderTenMillisecondsOrMissingIsRefused() {
        assertThatThrownBy(() -> new WsSettings(1, 1, 1_024, 1, 1_024, 1, Duration.ofMillis(9)))
                .hasMessage("ws pingInterval must be at least 10 ms, got PT0.009S");
        assertThatThrownBy(() -> new WsSettings(1, 1, 1_024, 1, 1_024, 1, null)).hasMessage("pingInterval");
    }

    @Test
    void theDefaultsAreTheDocumentedOnesAndTheIdleTimeoutIsThreePings() {
        WsSettings defaults = WsSettings.defaults();
        assertThat(defaults.maxConnections()).isEqualTo(256);
        assertThat(defaults.maxSubscriptions()).isEqualTo(32);
        assertThat(defaults.maxMessageBytes()).isEqualTo(1 << 20);
        assertThat(defaults.maxQueuedMessages()).isEqualTo(4_096);
        assertThat(defaults.maxQueuedBytes()).isEqualTo(16L << 20);
        assertThat(defaults.idleTimeout()).isEqualTo(Duration.ofSeconds(90));
    }
}
