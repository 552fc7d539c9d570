package io.cairn.consensus.sim;

import io.cairn.consensus.Ready.Outbound;
import io.cairn.consensus.messages.Commit;
import io.cairn.consensus.messages.ConsensusMessage;
import io.cairn.consensus.messages.MessageCodec;
import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.messages.NewView;
import io.cairn.consensus.messages.PrePrepare;
import io.cairn.consensus.messages.Prepare;
import io.cairn.consensus.types.Proposal;
import io.cairn.consensus.types.ProposalBuilder;
import io.cairn.crypto.Hash;
import io.cairn.crypto.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Byzantine validator: a real core (except when silent) whose outputs are tampered with, plus
 * messages made up on the side (see {@link ByzantineKind}). It signs only with its own key; what
 * it sends under another validator's name carries a garbage signature ({@link Forgery}).
 */
final class ByzantineNode extends SimNode {
    private static final int REMEMBERED = 256;

    private final ByzantineKind kind;
    private final Craft craft;
    private final Forgery forgery;
    private final List<byte[]> heard = new ArrayList<>();
    private final List<Packet> held = new ArrayList<>();
    private long heldInView;
    private long heldSince;
    private long holdDecidedFor = -1;
    private boolean holding;
    // The current equivocation: at (splitHeight, splitView), nodes in secondHalf get the second block.
    private long splitHeight = -1;
    private long splitView = -1;
    private Hash firstDigest;
    private Hash secondDigest;
    private byte[] secondBytes;
    private Signature secondSignature;
    private boolean[] secondHalf;

    ByzantineNode(SimContext context, int index, ByzantineKind kind) {
        super(context, index);
        this.kind = kind;
        this.craft = new Craft(key, index);
        this.forgery = new Forgery(context, this);
    }

    @Override
    void boot() {
        if (kind == ByzantineKind.SILENT) {
            return; // never runs: sends nothing, answers nothing
        }
        super.boot();
    }

    @Override
    protected void send(Outbound outbound) {
        ConsensusMessage message = outbound.message();
        switch (kind) {
            case EQUIVOCATE -> equivocate(outbound);
            case CONFLICTING_VOTES -> {
                if (!conflictingVote(outbound)) {
                    super.send(outbound);
                }
            }
            case FORGE -> {
                super.send(outbound);
                forgery.maybeForge(message);
            }
            case WITHHOLD -> withhold(outbound);
            case DELAY -> delay(outbound);
            default -> super.send(outbound);
        }
    }

    /** In some views, holds PREPARE and COMMIT votes back; everything else goes out at once. */
    private void delay(Outbound outbound) {
        ConsensusMessage message = outbound.message();
        if (message.view() != holdDecidedFor) {
            holdDecidedFor = message.view();
            holding = context.rng.nextBoolean(); // some views it holds back, others it votes at once
        }
        if (!holding || !(message instanceof Prepare || message instanceof Commit) || outbound.to().isPresent()) {
            super.send(outbound);
            return;
        }
        if (held.isEmpty()) {
            heldInView = core.view();
            heldSince = context.now();
        }
        held.add(encode(message));
        context.fault(FaultKind.DELAYED, index);
    }

    /** Once this node moved on to a later view, or after four timeouts, the held votes go to a random subset. */
    private void releaseHeld() {
        if (held.isEmpty() || !isUp()
                || (core.view() <= heldInView && context.now() - heldSince < 4 * context.scenario.timeoutMs())) {
            return;
        }
        for (int to = 0; to < context.scenario.n(); to++) {
            if (to != index && context.rng.nextBoolean()) {
                for (Packet packet : held) {
                    context.network.send(index, to, packet);
                }
            }
        }
        held.clear();
    }

    /** Sends to each intended receiver with probability one half. */
    private void withhold(Outbound outbound) {
        Packet packet = encode(outbound.message());
        for (int to = 0; to < context.scenario.n(); to++) {
            boolean intended = to != index && (outbound.to().isEmpty() || outbound.to().getAsInt() == to);
            if (intended && context.rng.nextBoolean()) {
                context.network.send(index, to, packet);
            } else if (intended) {
                context.fault(FaultKind.WITHHELD, index);
            }
        }
    }

    @Override
    protected void onMessage(ConsensusMessage message, byte[] encoded) {
        if (kind == ByzantineKind.REPLAY) {
            if (heard.size() < REMEMBERED) {
                heard.add(encoded);
            } else {
                heard.set(context.rng.nextInt(REMEMBERED), encoded);
            }
        }
        super.onMessage(message, encoded);
        releaseHeld();
    }

    @Override
    protected void afterTick() {
        releaseHeld();
        if (kind == ByzantineKind.REPLAY && !heard.isEmpty() && context.rng.nextInt(3) == 0) {
            context.fault(FaultKind.REPLAY, index);
            byte[] old = heard.get(context.rng.nextInt(heard.size()));
            context.network.send(index, context.otherThan(index), new Packet.Consensus(old));
        } else if (kind == ByzantineKind.VIEW_CHANGE_SPAM && context.rng.nextInt(5) == 0) {
            context.fault(FaultKind.VIEW_CHANGE_SPAM, index);
            long height = core.height();
            broadcast(encode(craft.viewChange(core.view() + 1 + context.rng.nextInt(24), height,
                    height > 1 ? chain.lastCertificate() : Optional.empty(), Optional.empty(), new byte[0])));
        }
    }

    @Override
    protected ProposalBuilder builder() {
        if (kind != ByzantineKind.INVALID_PROPOSALS) {
            return super.builder();
        }
        return (height, view) -> {
            context.fault(FaultKind.INVALID_PROPOSAL, index);
            SimBlocks.Block valid = new SimBlocks.Block(height, chain.head(), index, view, false,
                    context.rng.nextLong() >>> 1, 0);
            byte[] bytes = switch (context.rng.nextInt(4)) {
                case 0 -> new SimBlocks.Block(height, chain.head(), index, view, true, 1, 0).encode();
                case 1 -> new SimBlocks.Block(height, Craft.randomHash(context.rng), index, view, false, 2, 0).encode();
                case 2 -> new SimBlocks.Block(height + 1, chain.head(), index, view, false, 3, 0).encode();
                default -> java.util.Arrays.copyOf(valid.encode(), 20); // does not decode
            };
            return Optional.of(new Proposal(bytes, Hash.of(bytes)));
        };
    }

    @Override
    protected void serve(int from, Packet.BlockRequest request) {
        if (kind == ByzantineKind.FORGE) {
            forgery.serveForged(from, request);
        } else {
            super.serve(from, request);
        }
    }

    /** As primary: a second valid block for half the network, and this validator's votes for both. */
    private void equivocate(Outbound outbound) {
        ConsensusMessage message = outbound.message();
        if (message instanceof PrePrepare prePrepare && outbound.to().isEmpty()) {
            split(prePrepare);
            sendSplit(prePrepare, craft.prePrepare(prePrepare.height(), prePrepare.view(), secondBytes));
        } else if (message instanceof NewView newView && newView.prePrepare().isPresent()) {
            PrePrepare first = newView.prePrepare().get();
            split(first);
            PrePrepare second = craft.prePrepare(first.height(), first.view(), secondBytes);
            sendSplit(newView, craft.newView(newView.view(), newView.height(), newView.viewChanges(), Optional.of(second)));
        } else if (message instanceof Prepare prepare && inSplit(prepare)) {
            sendSplit(prepare, craft.prepare(prepare.height(), prepare.view(), secondDigest, secondSignature));
        } else if (message instanceof Commit commit && inSplit(commit)) {
            sendSplit(commit, craft.commit(commit.height(), commit.view(), secondDigest));
        } else {
            super.send(outbound);
        }
    }

    private void split(PrePrepare first) {
        context.fault(FaultKind.EQUIVOCATION, index);
        byte[] firstBytes = first.proposal();
        secondBytes = SimBlocks.decode(firstBytes)
                .map(block -> block.withPayload(context.rng.nextLong() >>> 1).encode())
                .orElseGet(() -> java.util.Arrays.copyOf(firstBytes, firstBytes.length + 1));
        splitHeight = first.height();
        splitView = first.view();
        firstDigest = first.vote().digest();
        secondDigest = Hash.of(secondBytes);
        secondSignature = craft.vote(MessageType.PRE_PREPARE, splitHeight, splitView, secondDigest).signature();
        secondHalf = new boolean[context.scenario.n()];
        for (int i = 0; i < secondHalf.length; i++) {
            secondHalf[i] = context.rng.nextBoolean();
        }
    }

    private boolean inSplit(ConsensusMessage vote) {
        return vote.height() == splitHeight && vote.view() == splitView;
    }

    private void sendSplit(ConsensusMessage first, ConsensusMessage second) {
        Packet firstPacket = encode(first);
        Packet secondPacket = encode(second);
        for (int to = 0; to < context.scenario.n(); to++) {
            if (to != index) {
                context.network.send(index, to, secondHalf[to] ? secondPacket : firstPacket);
            }
        }
    }

    /** Instead of each PREPARE or COMMIT, to each node: it, a signed vote for another block, or both in either order. */
    private boolean conflictingVote(Outbound outbound) {
        ConsensusMessage message = outbound.message();
        ConsensusMessage other;
        Hash digest = Craft.randomHash(context.rng);
        if (outbound.to().isPresent()) {
            return false;
        } else if (message instanceof Prepare prepare) {
            other = craft.prepare(prepare.height(), prepare.view(), digest, prepare.primarySignature());
        } else if (message instanceof Commit commit) {
            other = craft.commit(commit.height(), commit.view(), digest);
        } else {
            return false;
        }
        context.fault(FaultKind.CONFLICTING_VOTE, index);
        Packet original = encode(message);
        Packet conflicting = encode(other);
        for (int to = 0; to < context.scenario.n(); to++) {
            if (to != index) {
                int choice = context.rng.nextInt(4);
                context.network.send(index, to, choice == 0 || choice == 3 ? original : conflicting);
                if (choice >= 2) {
                    context.network.send(index, to, choice == 2 ? original : conflicting);
                }
            }
        }
        return true;
    }

    static Packet encode(ConsensusMessage message) {
        return new Packet.Consensus(MessageCodec.encode(message));
    }
}
