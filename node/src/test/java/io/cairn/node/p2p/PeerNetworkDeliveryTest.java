package io.cairn.node.p2p;

import static io.cairn.node.p2p.RecordingListener.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.cairn.node.p2p.TestValidators.eventually;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeerNetworkDeliveryTest {
    private final TestValidators validators = new TestValidators(4);

    @AfterEach
    void closeNetworks() {
        validators.close();
    }

    @Test
    void fourValidatorsConnectEveryPairAndDeliverUnicastBothWays() throws Exception {
        List<PeerNetwork> networks = validators.startAll();
        awaitFullMesh(networks);

        for (int from = 0; from < 4; from++) {
            for (int to = 0; to < 4; to++) {
                if (from != to) {
                    assertThat(networks.get(from).send(to, bytes(from + "->" + to))).isTrue();
                }
            }
        }
        for (int to = 0; to < 4; to++) {
            RecordingListener listener = validators.listeners.get(to);
            for (int from = 0; from < 4; from++) {
                if (from != to) {
                    int sender = from;
                    String expected = from + "->" + to;
                    eventually().until(() -> listener.got(sender, expected));
                }
            }
        }
        // Each got exactly its three messages: nothing duplicated, no keepalive or Hello delivered.
        for (RecordingListener listener : validators.listeners) {
            assertThat(listener.messages).hasSize(3);
        }
        PeerNetworkStats stats = networks.get(0).stats();
        assertThat(stats.framesOut()).isEqualTo(3);
        assertThat(stats.bytesOut()).isEqualTo(3 * "0->1".length());
        assertThat(stats.framesIn()).isEqualTo(3);
        assertThat(stats.refused()).isZero();
    }

    @Test
    void broadcastReachesEveryConnectedValidatorOnce() throws Exception {
        List<PeerNetwork> networks = validators.startAll();
        awaitFullMesh(networks);

        assertThat(networks.get(2).broadcast(bytes("block 7"))).isEqualTo(3);

        for (int to : List.of(0, 1, 3)) {
            RecordingListener listener = validators.listeners.get(to);
            eventually().until(() -> listener.got(2, "block 7"));
            assertThat(listener.textsFrom(2)).containsExactly("block 7");
        }
        assertThat(validators.listeners.get(2).messages).isEmpty();
    }

    @Test
    void sendToAValidatorWithoutConnectionIsDroppedAndCounted() throws Exception {
        // Validators 2 and 3 only: nobody is there for 0 and 1.
        List<PeerNetwork> networks = validators.startFrom(2);
        eventually().until(() -> networks.get(2).connected().equals(Set.of(3)));

        assertThat(networks.get(2).send(0, bytes("lost"))).isFalse();
        assertThat(networks.get(2).broadcast(bytes("to 3 only"))).isEqualTo(1);

        assertThat(networks.get(2).stats().droppedNotConnected()).isEqualTo(1);
        eventually().until(() -> validators.listeners.get(3).got(2, "to 3 only"));
    }

    @Test
    void emptyOrOversizedPayloadsAreRefusedBeforeAnythingIsQueued() throws Exception {
        List<PeerNetwork> networks = validators.startFrom(2);
        eventually().until(() -> networks.get(2).connected().equals(Set.of(3)));

        assertThatThrownBy(() -> networks.get(2).send(3, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keepalive");
        assertThatThrownBy(() -> networks.get(2).broadcast(new byte[validators.maxFrameBytes + 1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("above maxFrameBytes");
        assertThat(networks.get(2).send(3, new byte[validators.maxFrameBytes])).isTrue();

        eventually().until(() -> networks.get(3).stats().framesIn() == 1);
        assertThat(networks.get(3).stats().bytesIn()).isEqualTo(validators.maxFrameBytes);
        assertThat(networks.get(2).stats().droppedQueueFull()).isZero();
    }

    @Test
    void keepalivesHoldAnIdleConnectionOpenAndAreNeverDelivered() throws Exception {
        validators.idleTimeout = Duration.ofMillis(450);
        List<PeerNetwork> networks = validators.startFrom(2);
        eventually().until(() -> networks.get(2).connected().equals(Set.of(3)));

        // Several idle timeouts pass with no message: only keepalives keep the link up.
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> networks.get(2).connected().equals(Set.of(3)));

        assertThat(networks.get(2).stats().closed(DisconnectReason.IDLE_TIMEOUT)).isZero();
        assertThat(networks.get(3).stats().closed(DisconnectReason.IDLE_TIMEOUT)).isZero();
        assertThat(validators.listeners.get(3).messages).isEmpty();
        assertThat(networks.get(3).stats().framesIn()).isZero();
    }

    @Test
    void aValidatorClosedAndStartedAgainOnTheSamePortIsReconnected() throws Exception {
        List<PeerNetwork> networks = validators.startFrom(2);
        eventually().until(() -> networks.get(2).connected().equals(Set.of(3)));
        var address = networks.get(3).boundAddress();

        networks.get(3).close();
        eventually().until(() -> networks.get(2).connected().isEmpty());
        RecordingListener restarted = new RecordingListener();
        PeerNetwork again = validators.start(
                validators.config(TestValidators.CHAIN, TestValidators.GENESIS, validators.validators, 3, address,
                        Map.of()),
                restarted);

        eventually().until(() -> networks.get(2).connected().equals(Set.of(3))
                && again.connected().equals(Set.of(2)));
        assertThat(networks.get(2).send(3, bytes("welcome back"))).isTrue();
        eventually().until(() -> restarted.got(2, "welcome back"));
        assertThat(validators.listeners.get(2).events).containsExactly("connected 3", "disconnected 3", "connected 3");
    }

    private static void awaitFullMesh(List<PeerNetwork> networks) {
        eventually().until(() -> {
            for (int i = 0; i < networks.size(); i++) {
                if (networks.get(i).connected().size() != networks.size() - 1) {
                    return false;
                }
            }
            return true;
        });
    }
}
