package io.cairn.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ledger.Genesis;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import io.cairn.node.api.NodeService;
import io.cairn.node.metrics.NodeMetrics;
import io.cairn.node.gossip.TransactionGossip;
import io.cairn.rpc.api.NodeEvent;
import io.cairn.rpc.api.SubmitResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a subscriber of the node's API sees while four in-process validators commit two blocks,
 * the second after a view change: each admission, each committed block with its certificate, and
 * each move of consensus, in the order they happened.
 */
class NodeServiceEventsTest {
    private static final int TIMEOUT_TICKS = 20;
    private final Genesis genesis = TestGenesis.of(4, 4);
    private final List<NodeEvent> seen = new CopyOnWriteArrayList<>();
    private InProcessNetwork network;

    @AfterEach
    void close() {
        if (network != null) {
            network.close();
        }
    }

    private Transaction transfer(int account) {
        return Transaction.sign(genesis.chainId(), TestKeys.account(account), 0,
                new Operation.Transfer(TestKeys.account(3).publicKey(), 10));
    }

    /** The node API of validator 0, wired to its parts as {@code Node} wires them; it has no p2p network here. */
    private NodeService serviceOf(InProcessValidator validator) {
        return new NodeService(validator.store, validator.index, validator.mempool,
                new TransactionGossip(payload -> { }, 1 << 20), validator.driver, validator.sync, null, Map.of(),
                Map.of(), new NodeMetrics(System::currentTimeMillis), null, validator.events);
    }

    private <T extends NodeEvent> List<T> seen(Class<T> kind) {
        return seen.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    @Test
    void aSubscriberSeesAdmissionsCommitsAndConsensusMoves() throws Exception {
        network = new InProcessNetwork(genesis, TIMEOUT_TICKS, Optional.empty());
        InProcessValidator self = network.validator(0);
        NodeService service = serviceOf(self);
        service.subscribe(seen::add);
        network.start();

        Transaction first = transfer(0);
        assertThat(service.submit(first.encode())).isEqualTo(new SubmitResult.Admitted(first.hash()));
        network.awaitOneChainWith(network.validators, List.of(first)); // validator 0 is the primary of height 1

        // Height 2's primary (validator 1) is cut off: the others change view to commit the second.
        network.cutOff(1);
        Transaction second = transfer(1);
        List<InProcessValidator> others = List.of(network.validator(2), network.validator(3));
        others.forEach(validator -> validator.admit(List.of(second)));
        assertThat(service.submit(second.encode())).isEqualTo(new SubmitResult.Admitted(second.hash()));
        others.forEach(validator -> validator.driver.workChanged());
        network.awaitOneChainWith(List.of(self, network.validator(2), network.validator(3)), List.of(second));

        assertThat(seen(NodeEvent.TransactionAdmitted.class)).extracting(NodeEvent.TransactionAdmitted::hash)
                .containsExactly(first.hash(), second.hash());
        assertThat(seen(NodeEvent.TransactionAdmitted.class).get(1).transaction().encode())
                .isEqualTo(second.encode());

        List<NodeEvent.BlockCommitted> committed = seen(NodeEvent.BlockCommitted.class);
        assertThat(committed).hasSize(2);
        for (int i = 0; i < committed.size(); i++) {
            long height = i + 1;
            assertThat(committed.get(i).block()).isEqualTo(self.store.block(height).orElseThrow());
            assertThat(committed.get(i).certificate()).isEqualTo(self.store.certificate(height).orElseThrow());
        }
        assertThat(committed.get(1).certificate().view()).as("committed after a view change").isPositive();

        // Each admission came before the block that holds it.
        assertThat(seen.indexOf(seen(NodeEvent.TransactionAdmitted.class).get(1)))
                .isLessThan(seen.indexOf(committed.get(1)));
        assertConsensusMoves(self);
        assertThat(network.problems).isEmpty();
    }

    /** Typically (2, 0, 1), (2, 1, 2, changing), (2, 1, 2), (3, 0, 2): only changes, the view change included. */
    private void assertConsensusMoves(InProcessValidator self) {
        List<NodeEvent.ConsensusChanged> moves = seen(NodeEvent.ConsensusChanged.class);
        for (int i = 1; i < moves.size(); i++) {
            assertThat(moves.get(i)).as("only changes are published: %s", moves).isNotEqualTo(moves.get(i - 1));
        }
        assertThat(moves.get(0)).as("after block 1").isEqualTo(new NodeEvent.ConsensusChanged(2, 0, 1, false));
        int changing = indexOf(moves, 0, true);
        assertThat(moves.get(changing).height()).isEqualTo(2);
        assertThat(moves.get(changing).view()).as("the view it changes to").isPositive();
        NodeEvent.ConsensusChanged entered = moves.get(indexOf(moves, changing, false));
        assertThat(entered).isEqualTo(new NodeEvent.ConsensusChanged(2, moves.get(changing).view(),
                moves.get(changing).primary(), false));
        ConsensusDriver.Position now = self.driver.position();
        assertThat(now).isEqualTo(new ConsensusDriver.Position(3, 0, 2, false));
        assertThat(moves.get(moves.size() - 1)).isEqualTo(new NodeEvent.ConsensusChanged(3, 0, 2, false));
    }

    private static int indexOf(List<NodeEvent.ConsensusChanged> moves, int from, boolean changingView) {
        for (int i = from; i < moves.size(); i++) {
            if (moves.get(i).changingView() == changingView) {
                return i;
            }
        }
        throw new AssertionError("no move with changingView " + changingView + " from " + from + " in " + moves);
    }
}
