package io.cairn.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code testnet.adminListen}: the test-only fault-injection admin, loopback only, absent by default. */
class TestnetAdminConfigTest {
    @TempDir
    Path dir;

    @Test
    void withoutTheSectionThereIsNoAdmin() throws Exception {
        ConfigFixture fixture = new ConfigFixture(dir);

        NodeConfig config = NodeConfig.load(fixture.yaml(ConfigFixture.validTree()));

        assertThat(config.testnetAdminListen()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:9100", "127.0.0.5:9100", "[::1]:9100", "localhost:9100"})
    void aLoopbackAddressIsAccepted(String address) throws Exception {
        ConfigFixture fixture = new ConfigFixture(dir);

        NodeConfig config = NodeConfig.load(fixture.yaml(withAdmin(address)));
        NodeSettings settings = NodeSettings.resolve(config);

        assertThat(settings.config().testnetAdminListen()).contains(HostPort.parse(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0:9100", "10.1.2.3:9100", "[::]:9100", "example.com:9100", "192.168.0.7:9100"})
    void anyOtherAddressIsRefusedNamingTheField(String address) throws Exception {
        ConfigFixture fixture = new ConfigFixture(dir);
        Path file = fixture.json(withAdmin(address));
        var before = fixture.snapshot();

        assertThatThrownBy(() -> NodeConfig.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": testnet.adminListen: ")
                .hasMessageContaining("is not a loopback address")
                .hasMessageNotContaining("\n");
        assertThat(fixture.snapshot()).isEqualTo(before);
    }

    @Test
    void theSectionWithoutAnAddressOrWithAnUnknownFieldIsRefused() throws Exception {
        ConfigFixture fixture = new ConfigFixture(dir);
        ObjectNode empty = ConfigFixture.validTree();
        empty.putObject("testnet");
        ObjectNode typo = ConfigFixture.validTree();
        typo.putObject("testnet").put("adminListen", "127.0.0.1:9100").put("adminPort", 9100);

        assertThatThrownBy(() -> NodeConfig.load(fixture.yaml(empty)))
                .hasMessageEndingWith(": missing field 'testnet.adminListen'");
        assertThatThrownBy(() -> NodeConfig.load(fixture.yaml(typo)))
                .hasMessageContaining("unknown field 'testnet.adminPort'; expected one of: adminListen");
    }

    @Test
    void aMalformedAddressIsRefusedAsAnyAddressIs() throws Exception {
        ConfigFixture fixture = new ConfigFixture(dir);

        assertThatThrownBy(() -> NodeConfig.load(fixture.yaml(withAdmin("127.0.0.1"))))
                .hasMessageContaining("testnet.adminListen: '127.0.0.1' is not host:port");
    }

    private static ObjectNode withAdmin(String address) {
        ObjectNode tree = ConfigFixture.validTree();
        tree.putObject("testnet").put("adminListen", address);
        return tree;
    }
}
