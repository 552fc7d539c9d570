package io.cairn.node.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The host:port forms the config accepts, and how each becomes a socket address. */
class HostPortTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1:7001       | 127.0.0.1      | 7001",
        "localhost:1          | localhost      | 1",
        "node-1.example.org:65535 | node-1.example.org | 65535",
        "[::1]:8001           | ::1            | 8001",
        "[2001:db8::7]:8001   | 2001:db8::7    | 8001"})
    void parsesEachFormAndPrintsItBack(String text, String host, int port) {
        HostPort parsed = HostPort.parse(text);

        assertThat(parsed).isEqualTo(new HostPort(host, port));
        assertThat(parsed.toString()).isEqualTo(text);
    }

    @Test
    void anIpAddressIsResolvedWithoutALookupAndANameIsLeftForConnectTime() {
        assertThat(HostPort.parse("10.1.2.3:7001").toSocketAddress()).isEqualTo(new InetSocketAddress("10.1.2.3", 7001));
        assertThat(HostPort.parse("[::1]:7001").toSocketAddress().isUnresolved()).isFalse();
        assertThat(HostPort.parse("peer.example:7001").toSocketAddress())
                .isEqualTo(InetSocketAddress.createUnresolved("peer.example", 7001));
    }

    @Test
    void aPeerEntrySplitsAtTheFirstAt() {
        assertThat(PeerAddress.parse("validator-1@[::1]:7002"))
                .isEqualTo(new PeerAddress("validator-1", new HostPort("::1", 7002)));
        assertThat(PeerAddress.parse("validator-1@[::1]:7002").toString()).isEqualTo("validator-1@[::1]:7002");
    }
}
