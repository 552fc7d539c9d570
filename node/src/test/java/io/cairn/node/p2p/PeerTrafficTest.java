package io.cairn.node.p2p;

import static io.cairn.node.p2p.RecordingListener.bytes;
import static io.cairn.node.p2p.TestValidators.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What an authenticated validator can do wrong after the handshake, played by a hand-driven TLS
 * peer as validator 0 against validator 1, with 2 and 3 as the honest rest of the network.
 */
class PeerTrafficTest {
    private final TestValidators validators = new TestValidators(4);
    private final CapturedLog log = new CapturedLog();

    @AfterEach
    void closeNetworks() {
        validators.close();
        log.close();
    }

    @Test
    void anOversizedLengthPrefixCutsThePeerOffAndTheRestCarriesOn() throws Exception {
        List<PeerNetwork> networks = validators.startFrom(1);
        PeerNetwork one = networks.get(1);
        try (TlsTestPeer peer = connectAsZero(one)) {
            eventually().until(() -> one.connected().equals(Set.of(0, 2, 3)));

            peer.lengthPrefix(validators.maxFrameBytes + 1);

            assertThat(peer.closedByPeer()).isTrue();
        }
        eventually().until(() -> one.stats().closed(DisconnectReason.OVERSIZED_FRAME) == 1);
        assertThat(one.connected()).isEqualTo(Set.of(2, 3));
        assertThat(log.warningsAbout("(validator 0): oversized frame")).hasSize(1);
        assertThat(validators.listeners.get(1).events).contains("connected 0", "disconnected 0");
        assertThat(one.broadcast(bytes("after the cut"))).isEqualTo(2);
        eventually().until(() -> validators.listeners.get(2).got(1, "after the cut")
                && validators.listeners.get(3).got(1, "after the cut"));
    }

    @Test
    void aFrameOfExactlyTheLimitIsDeliveredAndAKeepaliveIsNot() throws Exception {
        PeerNetwork one = validators.startFrom(1).get(1);
        try (TlsTestPeer peer = connectAsZero(one)) {
            eventually().until(() -> one.connected().contains(0));

            peer.frame(new byte[0]);
            peer.frame(new byte[validators.maxFrameBytes]);
            peer.frame(bytes("last"));

            eventually().until(() -> validators.listeners.get(1).got(0, "last"));
        }
        assertThat(validators.listeners.get(1).textsFrom(0)).hasSize(2);
        assertThat(validators.listeners.get(1).messages.peek().text()).hasSize(validators.maxFrameBytes);
        assertThat(one.stats().framesIn()).isEqualTo(2);
        assertThat(one.stats().refused()).isZero();
    }

    @Test
    void cuttingOffAValidatorClosesItsConnectionCountsItAndItIsRedialed() throws Exception {
        List<PeerNetwork> networks = validators.startAll();
        PeerNetwork zero = networks.get(0);
        PeerNetwork two = networks.get(2);
        eventually().until(() -> two.connected().size() == 3);
        two.cutOff(0, "sent a payload that does not decode");
        eventually().until(() -> two.stats().closed(DisconnectReason.MALFORMED_MESSAGE) == 1);
        assertThat(two.stats().refused()).isEqualTo(1);
        // Validator 0 dials validator 2 again; the others were never touched.
        eventually().until(() -> two.connected().contains(0) && zero.connected().containsAll(List.of(1, 2, 3)));
        assertThat(networks.get(1).stats().refused()).isZero();
        two.cutOff(1, "another bad payload");          // a connected one: closed
        two.cutOff(7, "no such validator");            // nobody: nothing happens
        eventually().until(() -> two.stats().closed(DisconnectReason.MALFORMED_MESSAGE) == 2);
    }

    @Test
    void aSecondConnectionOfTheSameValidatorReplacesTheFirst() throws Exception {
        PeerNetwork one = validators.startFrom(1).get(1);
        try (TlsTestPeer first = connectAsZero(one)) {
            eventually().until(() -> one.connected().contains(0));
            try (TlsTestPeer second = connectAsZero(one)) {
                assertThat(first.closedByPeer()).isTrue();
                eventually().until(() -> one.stats().closed(DisconnectReason.REPLACED) == 1);
                second.frame(bytes("from the newer connection"));
                eventually().until(() -> validators.listeners.get(1).got(0, "from the newer connection"));
                assertThat(one.connected()).contains(0);
            }
        }
        // The listener never saw validator 0 gone while the newer connection was up.
        assertThat(validators.listeners.get(1).events.stream().filter(e -> e.endsWith(" 0")))
                .startsWith("connected 0", "connected 0");
    }

    @Test
    void aPeerThatStopsReadingHasItsMessagesDroppedWhileTheOthersGetTheirs() throws Exception {
        List<PeerNetwork> networks = validators.startFrom(1);
        PeerNetwork one = networks.get(1);
        // A small receive buffer so that the kernel's buffers fill quickly once it stops reading.
        try (TlsTestPeer stalled = TlsTestPeer.connect(TestValidators.key(0), 0, validators.validators,
                one.boundAddress(), 4096)) {
            stalled.hello();
            eventually().until(() -> one.connected().equals(Set.of(0, 2, 3)));
            byte[] chunk = new byte[32 * 1024];

            // Until the kernel's buffers and then the queue are full, sends succeed; afterwards
            // every one is refused, for as long as the peer does not read.
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .during(Duration.ofMillis(400)).until(() -> noneQueued(one, chunk));

            assertThat(one.stats().droppedQueueFull()).isPositive();
            assertThat(one.connected()).contains(0);
            // A message as large as the one refused: the stalled queue has no room, the others do.
            String large = "a".repeat(chunk.length);
            assertThat(one.broadcast(bytes(large))).isEqualTo(2);
            assertThat(one.send(2, bytes("just for 2"))).isTrue();
            eventually().until(() -> validators.listeners.get(2).got(1, large)
                    && validators.listeners.get(3).got(1, large)
                    && validators.listeners.get(2).got(1, "just for 2"));
        }
        assertThat(one.stats().closed(DisconnectReason.IDLE_TIMEOUT)).isZero();
    }

    @Test
    void aReadingPeersQueueDrainsSoManyTimesTheLimitGetsThroughInTotal() throws Exception {
        List<PeerNetwork> networks = validators.startFrom(2);
        PeerNetwork two = networks.get(2);
        eventually().until(() -> two.connected().equals(Set.of(3)));
        byte[] chunk = new byte[32 * 1024];
        int chunks = 4 * (int) (validators.maxQueuedBytes / chunk.length); // four times the queue's bound

        // Written bytes leave the queue's count, so a refused send is taken once the queue drains.
        for (int i = 0; i < chunks; i++) {
            eventually().until(() -> two.send(3, chunk));
        }

        eventually().until(() -> networks.get(3).stats().framesIn() == chunks);
        assertThat(networks.get(3).stats().bytesIn()).isEqualTo((long) chunks * chunk.length);
        assertThat(two.stats().framesOut()).isEqualTo(chunks);
    }

    @Test
    void aPeerThatFallsSilentIsClosedAtTheIdleTimeout() throws Exception {
        validators.idleTimeout = Duration.ofMillis(600);
        PeerNetwork one = validators.startFrom(1).get(1);
        // The hand-driven peer reads (so it gets keepalives) but never sends one.
        try (TlsTestPeer silent = connectAsZero(one)) {
            eventually().until(() -> one.connected().contains(0));
            assertThat(silent.closedByPeer()).isTrue();
        }
        eventually().until(() -> one.stats().closed(DisconnectReason.IDLE_TIMEOUT) == 1);
        assertThat(log.warningsAbout("(validator 0): idle timeout: nothing received for 600 ms")).hasSize(1);
        // Its honest peers send keepalives, so they stayed (the silent one's session leaves the
        // table just after its close is counted, hence the wait).
        eventually().until(() -> one.connected().equals(Set.of(2, 3)));
        assertThat(one.stats().closed(DisconnectReason.IDLE_TIMEOUT)).isEqualTo(1);
    }

    /** Offers validator 0 a burst of sends; true when it took none of them. */
    private static boolean noneQueued(PeerNetwork network, byte[] chunk) {
        boolean queued = false;
        for (int i = 0; i < 32; i++) {
            queued |= network.send(0, chunk);
        }
        return !queued;
    }

    private TlsTestPeer connectAsZero(PeerNetwork network) throws Exception {
        return TlsTestPeer.connect(TestValidators.key(0), 0, validators.validators, network.boundAddress()).hello();
    }
}
