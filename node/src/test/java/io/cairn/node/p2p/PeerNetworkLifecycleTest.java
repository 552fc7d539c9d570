package io.cairn.node.p2p;

import static io.cairn.node.p2p.RecordingListener.bytes;
import static io.cairn.node.p2p.TestValidators.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeerNetworkLifecycleTest {
    private final TestValidators validators = new TestValidators(4);

    @AfterEach
    void closeNetworks() {
        validators.close();
    }

    @Test
    void startOnAPortInUseFailsWithTheAddressAndLeavesNoThreads() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", taken.getLocalPort());
            PeerNetwork network = new PeerNetwork(validators.config(TestValidators.CHAIN, TestValidators.GENESIS,
                    validators.validators, 0, address, Map.of()), new RecordingListener());

            assertThatThrownBy(network::start)
                    .isInstanceOf(IOException.class)
                    .hasMessage("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": address already in use");
            eventually().until(() -> p2pThreads().isEmpty());
            network.close();
        }
    }

    @Test
    void closeReleasesThePortAndThreadsAndIsIdempotent() throws Exception {
        List<PeerNetwork> networks = validators.startFrom(2);
        eventually().until(() -> networks.get(2).connected().equals(Set.of(3)));
        int port = networks.get(3).boundAddress().getPort();

        networks.get(2).close();
        networks.get(3).close();
        networks.get(3).close();

        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress("127.0.0.1", port)); // would throw if the port were still held
        }
        eventually().until(() -> p2pThreads().isEmpty());
        assertThat(networks.get(2).connected()).isEmpty();
        assertThat(networks.get(2).send(3, bytes("after close"))).isFalse();
        assertThat(validators.listeners.get(2).events).containsExactly("connected 3", "disconnected 3");
    }

    @Test
    void aNetworkStartsOnceAndNotAfterClose() throws Exception {
        PeerNetwork network = new PeerNetwork(validators.config(3, Map.of()), new RecordingListener());
        assertThatThrownBy(network::boundAddress).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not listening");
        network.start();
        try {
            assertThatThrownBy(network::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("started");
        } finally {
            network.close();
        }
        assertThatThrownBy(network::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void aValidatorThatIsDownIsRedialedUntilItComesUp() throws Exception {
        // Reserve a free port, then leave it empty: validator 3 is not there yet.
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
        PeerNetwork dialer = validators.start(2, Map.of(3, address));
        eventually().until(() -> dialer.stats().dialFailures() >= 2);

        PeerNetwork late = validators.start(validators.config(TestValidators.CHAIN, TestValidators.GENESIS,
                validators.validators, 3, address, Map.of()), validators.listeners.get(3));

        eventually().until(() -> dialer.connected().equals(Set.of(3)) && late.connected().equals(Set.of(2)));
        assertThat(dialer.stats().refused()).isZero();
    }

    private static List<String> p2pThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("cairn-p2p"))
                .toList();
    }
}
