package io.cairn.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.consensus.types.Proposal;
import io.cairn.consensus.types.ProposalBuilder;
import io.cairn.consensus.types.ProposalValidator;
import io.cairn.crypto.Hash;
import io.cairn.crypto.KeyPair;
import io.cairn.crypto.PublicKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmokeNetworkTest {
    record Envelope(int to, io.cairn.consensus.messages.ConsensusMessage message) {}

    static final class Node {
        final int index;
        PbftCore core;
        final List<Hash> chain = new ArrayList<>();
        /** The decided blocks as text, "h{height}v{view}p{proposer}", as the builder below makes them. */
        final List<String> blocks = new ArrayList<>();
        boolean alive = true;

        Node(int index) {
            this.index = index;
        }
    }

    @Test
    void fourValidatorsCommitAndSurviveASilentPrimary() {
        int n = 4;
        List<KeyPair> keys = new ArrayList<>();
        List<PublicKey> publicKeys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add(KeyPair.fromLabel("smoke-" + i));
            publicKeys.add(keys.get(i).publicKey());
        }
        ValidatorSet validators = new ValidatorSet(publicKeys);
        Deque<Envelope> queue = new ArrayDeque<>();
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Node node = new Node(i);
            ProposalBuilder builder = (height, view) -> Optional.of(proposal("h" + height + "v" + view + "p" + node.index));
            ProposalValidator validator = new ProposalValidator() {
                @Override
                public Optional<Hash> validate(long height, long view, byte[] bytes) {
                    return new String(bytes, StandardCharsets.UTF_8).startsWith("h" + height + "v")
                            ? Optional.of(Hash.of(bytes)) : Optional.empty();
                }

                @Override
                public Optional<Hash> digest(byte[] bytes) {
                    return Optional.of(Hash.of(bytes));
                }
            };
            node.core = new PbftCore(ConsensusConfig.of("smoke", validators, i, 10), keys.get(i), builder, validator,
                    0, Optional.empty(), Optional.empty());
            nodes.add(node);
        }
        for (Node node : nodes) {
            handle(node, node.core.start(), queue, n);
            handle(node, node.core.step(new Event.WorkPending(true)), queue, n);
        }
        run(nodes, queue, n, 200, 5);
        for (Node node : nodes) {
            assertThat(node.chain).hasSizeGreaterThanOrEqualTo(5);
        }
        // The primary of the next height goes silent: on its turns the others must change view and go on.
        int primary = nodes.get(1).core.primary();
        nodes.get(primary).alive = false;
        long before = nodes.get((primary + 1) % n).chain.size();
        run(nodes, queue, n, 2_000, (int) before + 5);
        for (Node node : nodes) {
            if (node.alive) {
                assertThat(node.chain.size()).as("node %d", node.index).isGreaterThanOrEqualTo((int) before + 5);
            }
        }
        Node a = nodes.get((primary + 1) % n);
        Node b = nodes.get((primary + 2) % n);
        // On the silent validator's turns as first primary the others changed view to decide.
        assertThat(a.blocks.subList((int) before, a.blocks.size())).anyMatch(block -> !block.contains("v0p"));
        int common = Math.min(a.chain.size(), b.chain.size());
        assertThat(a.chain.subList(0, common)).isEqualTo(b.chain.subList(0, common));
    }

    private static void run(List<Node> nodes, Deque<Envelope> queue, int n, int maxTicks, int targetHeight) {
        for (int tick = 0; tick < maxTicks; tick++) {
            for (int pending = queue.size(); pending > 0; pending--) {
                Envelope envelope = queue.poll();
                Node node = nodes.get(envelope.to());
                if (node.alive) {
                    handle(node, node.core.step(new Event.Received(envelope.message())), queue, n);
                }
            }
            boolean done = true;
            for (Node node : nodes) {
                if (node.alive) {
                    handle(node, node.core.step(new Event.Tick()), queue, n);
                    done &= node.chain.size() >= targetHeight;
                }
            }
            if (done) {
                return;
            }
        }
    }

    private static void handle(Node node, Ready ready, Deque<Envelope> queue, int n) {
        for (Ready.Outbound out : ready.messages()) {
            if (out.to().isPresent()) {
                queue.add(new Envelope(out.to().getAsInt(), out.message()));
            } else {
                for (int i = 0; i < n; i++) {
                    if (i != node.index) {
                        queue.add(new Envelope(i, out.message()));
                    }
                }
            }
        }
        for (Ready.Decision decision : ready.decisions()) {
            node.chain.add(decision.proposal().digest());
            node.blocks.add(new String(decision.proposal().bytes(), StandardCharsets.UTF_8));
            handle(node, node.core.step(new Event.Applied(decision.height())), queue, n);
        }
    }

    private static Proposal proposal(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new Proposal(bytes, Hash.of(bytes));
    }
}
