package io.cairn.node.p2p;

import static io.cairn.node.p2p.RecordingListener.bytes;
import static io.cairn.node.p2p.TestValidators.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fault injection for testnets: {@link PeerNetwork#isolate} cuts links both ways until {@link PeerNetwork#heal}. */
class PeerIsolationTest {
    /** Long enough for several redials at the fixture's 50..400 ms backoff, short enough for a unit test. */
    private static final Duration STAYS_CUT = Duration.ofMillis(800);

    private final TestValidators validators = new TestValidators(4);

    @AfterEach
    void closeNetworks() {
        validators.close();
    }

    @Test
    void isolateClosesTheLinksAndTheDialingSideDoesNotRedialUntilHealed() throws Exception {
        List<PeerNetwork> networks = fullMesh();

        // Validator 0 dials 2 and 3 (a lower index dials a higher one): its dial side is what keeps them apart.
        networks.get(0).isolate(Set.of(2, 3));

        eventually().until(() -> networks.get(0).connected().equals(Set.of(1)));
        Awaitility.await().during(STAYS_CUT).atMost(STAYS_CUT.multipliedBy(3))
                .until(() -> networks.get(0).connected().equals(Set.of(1))
                        && !networks.get(2).connected().contains(0) && !networks.get(3).connected().contains(0));
        assertThat(networks.get(0).send(2, bytes("across the cut"))).isFalse();
        assertThat(networks.get(0).stats().closed(DisconnectReason.ISOLATED)).isGreaterThanOrEqualTo(2);
        assertThat(networks.get(0).isolated()).containsExactlyInAnyOrder(2, 3);

        networks.get(0).heal();

        eventually().until(() -> networks.get(0).connected().equals(Set.of(1, 2, 3)));
        assertThat(networks.get(0).isolated()).isEmpty();
        assertThat(networks.get(0).send(2, bytes("after heal"))).isTrue();
        eventually().until(() -> validators.listeners.get(2).got(0, "after heal"));
    }

    @Test
    void anIsolatedValidatorsConnectionsAreRefusedOnTheAcceptingSide() throws Exception {
        List<PeerNetwork> networks = fullMesh();

        // Validator 3 never dials (it has the highest index): it can only refuse what 1 dials to it.
        networks.get(3).isolate(Set.of(1));

        Awaitility.await().during(STAYS_CUT).atMost(STAYS_CUT.multipliedBy(3))
                .until(() -> networks.get(3).connected().equals(Set.of(0, 2)));
        // Validator 1 kept redialing (it does not know about the isolation) and each connection was refused.
        assertThat(networks.get(3).stats().closed(DisconnectReason.ISOLATED)).isGreaterThanOrEqualTo(2);

        networks.get(3).heal();

        eventually().until(() -> networks.get(3).connected().equals(Set.of(0, 1, 2))
                && networks.get(1).connected().equals(Set.of(0, 2, 3)));
    }

    @Test
    void eachChangeIsCountedOnceAndRepeatingItChangesNothing() throws Exception {
        List<PeerNetwork> networks = fullMesh();
        PeerNetwork first = networks.get(0);

        first.isolate(Set.of(3));
        first.isolate(Set.of(3));
        assertThat(first.isolationChanges()).isEqualTo(1);

        first.isolate(Set.of(2, 3));
        first.heal();
        first.heal();
        assertThat(first.isolationChanges()).isEqualTo(3);
        eventually().until(() -> first.connected().equals(Set.of(1, 2, 3)));
    }

    @Test
    void aNetworkThatWasNeverIsolatedIsolatesNobody() throws Exception {
        List<PeerNetwork> networks = fullMesh();

        networks.get(1).heal();

        assertThat(networks.get(1).isolated()).isEmpty();
        assertThat(networks.get(1).isolationChanges()).isZero();
        assertThat(networks.get(1).connected()).isEqualTo(Set.of(0, 2, 3));
    }

    private List<PeerNetwork> fullMesh() throws Exception {
        List<PeerNetwork> networks = validators.startAll();
        eventually().until(() -> networks.stream().allMatch(n -> n.connected().size() == 3));
        return networks;
    }
}
