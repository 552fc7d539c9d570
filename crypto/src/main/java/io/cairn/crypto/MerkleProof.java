package io.cairn.crypto;

import java.util.List;

/**
 * Proof that an item is at {@code index} in a {@link MerkleTree} of {@code size} items: the
 * sibling hashes from the leaf up (RFC 9162 section 2.1.3, "audit path").
 */
public record MerkleProof(long index, long size, List<Hash> path) {
    public MerkleProof {
        path = List.copyOf(path);
    }

    /** True when {@code item} at {@link #index} and this path lead to {@code root}. */
    public boolean verify(Hash item, Hash root) {
        if (index < 0 || index >= size) {
            return false;
        }
        // RFC 9162 section 2.1.3.2, step by step.
        long fn = index;
        long sn = size - 1;
        Hash r = MerkleTree.leafHash(item);
        for (Hash p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleTree.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleTree.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && r.equals(root);
    }
}
