package io.cairn.consensus.sim;

import io.cairn.consensus.types.Proposal;
import io.cairn.consensus.types.ProposalValidator;
import io.cairn.crypto.Hash;
import io.cairn.crypto.encoding.ByteReader;
import io.cairn.crypto.encoding.ByteWriter;
import io.cairn.crypto.encoding.DecodeException;
import java.util.Optional;

/**
 * The simulated chain's blocks:
 * {@code u64 height | parent digest (32) | u16 proposer | u64 view | u8 bad | u64 payload | filler}.
 * The digest is SHA-256 of the bytes. A block is valid at height h on a chain when its height is
 * h, its parent is the chain's block at h - 1 (zero at height 1) and it is not marked bad (a stand-in
 * for a bad transaction), so honest nodes on one chain always agree on validity. The proposer and
 * view are not checked: a new view re-proposes a block built in an earlier one.
 */
public final class SimBlocks {
    static final Hash GENESIS_PARENT = Hash.ZERO;

    /** One block's fields. {@code filler} bytes pad it to a realistic size in the scale report. */
    public record Block(long height, Hash parent, int proposer, long view, boolean bad, long payload, int filler) {
        public byte[] encode() {
            return new ByteWriter(61 + filler).u64(height).hash(parent).u16(proposer).u64(view).u8(bad ? 1 : 0)
                    .u64(payload).bytes(new byte[filler]).toByteArray();
        }

        public Proposal proposal() {
            byte[] bytes = encode();
            return new Proposal(bytes, Hash.of(bytes));
        }

        public Block withPayload(long newPayload) {
            return new Block(height, parent, proposer, view, bad, newPayload, filler);
        }
    }

    private SimBlocks() {}

    public static Optional<Block> decode(byte[] bytes) {
        try {
            ByteReader reader = new ByteReader(bytes, "sim block");
            long height = reader.u63("height");
            Hash parent = reader.hash("parent");
            int proposer = reader.u16("proposer");
            long view = reader.u63("view");
            int bad = reader.u8("bad");
            long payload = reader.u63("payload");
            int filler = reader.remaining();
            reader.bytes(filler, "filler");
            if (height < 1 || bad > 1) {
                return Optional.empty();
            }
            return Optional.of(new Block(height, parent, proposer, view, bad == 1, payload, filler));
        } catch (DecodeException e) {
            return Optional.empty();
        }
    }

    /** The deterministic validity rule: the block for {@code height} on a chain whose head is {@code parent}. */
    public static boolean isValid(byte[] bytes, long height, Hash parent) {
        Optional<Block> block = decode(bytes);
        return block.isPresent() && block.get().height() == height && block.get().parent().equals(parent)
                && !block.get().bad();
    }

    /** The port an honest node gives its core: it checks proposals against the node's own chain. */
    public static ProposalValidator validator(Chain chain) {
        return new ProposalValidator() {
            @Override
            public Optional<Hash> validate(long height, long view, byte[] proposal) {
                if (height != chain.height() + 1 || !isValid(proposal, height, chain.head())) {
                    return Optional.empty();
                }
                return Optional.of(Hash.of(proposal));
            }

            @Override
            public Optional<Hash> digest(byte[] proposal) {
                return decode(proposal).map(b -> Hash.of(proposal));
            }
        };
    }
}
