package io.cairn.consensus.sim;

import io.cairn.consensus.messages.Commit;
import io.cairn.consensus.messages.CommitCertificate;
import io.cairn.consensus.messages.ConsensusMessage;
import io.cairn.consensus.messages.MessageCodec;
import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.messages.PrePrepare;
import io.cairn.consensus.messages.ValidatorSignature;
import io.cairn.consensus.messages.ViewChange;
import io.cairn.consensus.messages.Vote;
import io.cairn.consensus.sim.Chain.StoredBlock;
import io.cairn.crypto.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a forging Byzantine validator sends besides its core's messages: votes, proposals and view
 * changes under other validators' names with garbage signatures, a view change of its own carrying
 * a forged certificate, corrupted and random bytes; and, asked for blocks, blocks whose
 * certificates are forged. Every one of them must be rejected.
 */
final class Forgery {
    private final SimContext context;
    private final SimNode node;
    private final Craft craft;

    Forgery(SimContext context, SimNode node) {
        this.context = context;
        this.node = node;
        this.craft = new Craft(node.key, node.index);
    }

    /** Now and then, after a message of its own core, sends a forgery modelled on it to one node. */
    void maybeForge(ConsensusMessage basis) {
        if (context.rng.nextInt(3) != 0) {
            return;
        }
        long height = basis.height();
        long view = basis.view();
        int victim = context.otherThan(node.index);
        byte[] bytes;
        FaultKind kind = FaultKind.FORGED_SIGNATURE;
        switch (context.rng.nextInt(6)) {
            case 0 -> bytes = MessageCodec.encode(new Commit(new Vote(MessageType.COMMIT, height, view,
                    Craft.randomHash(context.rng), victim, Craft.garbage(context.rng))));
            case 1 -> {
                int primary = context.validators.primary(height, view);
                byte[] block = new SimBlocks.Block(height, node.chain.head(), primary, view, false, 7, 0).encode();
                bytes = MessageCodec.encode(new PrePrepare(new Vote(MessageType.PRE_PREPARE, height, view, Hash.of(block),
                        primary, Craft.garbage(context.rng)), block));
            }
            case 2 -> bytes = MessageCodec.encode(new ViewChange(view + 1, height,
                    height > 1 ? node.chain.lastCertificate() : Optional.empty(), Optional.empty(), victim,
                    Craft.garbage(context.rng), new byte[0]));
            case 3 -> bytes = MessageCodec.encode(craft.viewChange(view + 1, height + 1,
                    Optional.of(forgedCertificate(height, Craft.randomHash(context.rng))), Optional.empty(), new byte[0]));
            case 4 -> {
                kind = FaultKind.GARBAGE_BYTES;
                bytes = MessageCodec.encode(basis);
                bytes[context.rng.nextInt(bytes.length)] ^= (byte) (1 + context.rng.nextInt(255));
            }
            default -> {
                kind = FaultKind.GARBAGE_BYTES;
                bytes = new byte[context.rng.nextInt(200)];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) context.rng.nextInt(256);
                }
            }
        }
        context.fault(kind, node.index);
        context.network.send(node.index, context.otherThan(node.index), new Packet.Consensus(bytes));
    }

    /** Answers a block request with blocks whose certificates do not verify. */
    void serveForged(int from, Packet.BlockRequest request) {
        context.fault(FaultKind.FORGED_SYNC, node.index);
        List<StoredBlock> blocks = new ArrayList<>();
        for (long height = request.from(); height <= Math.min(request.to(), request.from() + 3); height++) {
            StoredBlock block;
            if (height <= node.chain.height()) {
                StoredBlock real = node.chain.get(height); // the real block, one signature corrupted
                List<ValidatorSignature> signatures = new ArrayList<>(real.certificate().signatures());
                int corrupt = context.rng.nextInt(signatures.size());
                signatures.set(corrupt, new ValidatorSignature(signatures.get(corrupt).validator(),
                        Craft.garbage(context.rng)));
                CommitCertificate certificate = real.certificate();
                block = new StoredBlock(height, real.bytes(), real.digest(),
                        new CommitCertificate(height, certificate.view(), certificate.digest(), signatures));
            } else {
                byte[] bytes = new SimBlocks.Block(height, Craft.randomHash(context.rng), node.index, 0, false, 9, 0)
                        .encode();
                block = new StoredBlock(height, bytes, Hash.of(bytes), forgedCertificate(height, Hash.of(bytes)));
            }
            blocks.add(block);
        }
        context.network.send(node.index, from, new Packet.BlockResponse(blocks));
    }

    private CommitCertificate forgedCertificate(long height, Hash digest) {
        List<ValidatorSignature> signatures = new ArrayList<>();
        for (int i = 0; i < context.validators.quorum().size(); i++) {
            signatures.add(new ValidatorSignature(i, Craft.garbage(context.rng)));
        }
        return new CommitCertificate(height, 0, digest, signatures);
    }
}
