package io.cairn.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Settings that cannot work are refused at construction, naming the field. */
class RpcSettingsTest {

    @Test
    void aBlankHostIsRefused() {
        assertThatThrownBy(() -> new RpcSettings(" ", 0, 4096, 1)).hasMessageContaining("rpc host");
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        assertThatThrownBy(() -> new RpcSettings("127.0.0.1", 65_536, 4096, 1))
                .hasMessageContaining("rpc port must be 0 to 65535, got 65536");
        assertThatThrownBy(() -> new RpcSettings("127.0.0.1", -1, 4096, 1)).hasMessageContaining("rpc port");
    }

    @Test
    void aBodyLimitOutOfRangeIsRefused() {
        assertThatThrownBy(() -> new RpcSettings("127.0.0.1", 0, 100, 1))
                .hasMessageContaining("rpc maxBodyBytes must be 1024 to 67108864, got 100");
        assertThatThrownBy(() -> new RpcSettings("127.0.0.1", 0, Integer.MAX_VALUE, 1))
                .hasMessageContaining("rpc maxBodyBytes");
    }

    @Test
    void aBatchLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new RpcSettings("127.0.0.1", 0, 4096, 0))
                .hasMessageContaining("rpc maxBatch must be at least 1, got 0");
    }

    @Test
    void defaultLimitsHoldABatchOfLargeTransactions() {
        RpcSettings settings = RpcSettings.withDefaultLimits("0.0.0.0", 8545);
        // 100 transactions of the 16,783-byte maximum, as hex inside a JSON-RPC batch.
        assertThat(settings.maxBodyBytes()).isGreaterThan(100 * (2 * 16_783 + 100));
        assertThat(settings.maxBatch()).isEqualTo(100);
    }
}
