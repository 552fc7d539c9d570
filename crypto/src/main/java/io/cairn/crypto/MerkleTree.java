package io.cairn.crypto;

import java.util.ArrayList;
import java.util.List;

/**
 * The binary Merkle tree over a block's transaction hashes, exactly RFC 9162's (RFC 6962's)
 * Merkle Tree Hash.
 *
 * <ul>
 *   <li>A leaf is {@code SHA-256(0x00 || item)}; an inner node is
 *       {@code SHA-256(0x01 || left || right)}. The prefixes keep a leaf from ever being read as
 *       an inner node (second-preimage attacks).
 *   <li>Odd counts: for n &gt; 1 items the left subtree holds the largest power of two below n
 *       and the right subtree the rest. Built level by level, that is: a last node without a
 *       sibling moves up a level unchanged. Nothing is duplicated, so no two different lists
 *       share a root (the flaw of Bitcoin's duplicate-the-last rule, CVE-2012-2459).
 *   <li>The root of no items is {@code SHA-256()} of the empty string.
 * </ul>
 */
public final class MerkleTree {
    static final byte LEAF_PREFIX = 0x00;
    static final byte NODE_PREFIX = 0x01;

    private MerkleTree() {}

    public static Hash root(List<Hash> items) {
        if (items.isEmpty()) {
            return Hash.of();
        }
        List<Hash> level = leaves(items);
        while (level.size() > 1) {
            level = parents(level);
        }
        return level.get(0);
    }

    /** The inclusion proof of {@code items.get(index)}: its sibling hashes from the leaf up. */
    public static MerkleProof proof(List<Hash> items, int index) {
        if (index < 0 || index >= items.size()) {
            throw new IndexOutOfBoundsException("item " + index + " of a tree of " + items.size());
        }
        List<Hash> path = new ArrayList<>();
        List<Hash> level = leaves(items);
        int position = index;
        while (level.size() > 1) {
            int sibling = position ^ 1;
            if (sibling < level.size()) {
                path.add(level.get(sibling));
            }
            level = parents(level);
            position /= 2;
        }
        return new MerkleProof(index, items.size(), path);
    }

    static Hash leafHash(Hash item) {
        return Hash.of(new byte[] {LEAF_PREFIX}, item.bytes);
    }

    static Hash nodeHash(Hash left, Hash right) {
        return Hash.of(new byte[] {NODE_PREFIX}, left.bytes, right.bytes);
    }

    private static List<Hash> leaves(List<Hash> items) {
        List<Hash> leaves = new ArrayList<>(items.size());
        for (Hash item : items) {
            leaves.add(leafHash(item));
        }
        return leaves;
    }

    private static List<Hash> parents(List<Hash> level) {
        List<Hash> parents = new ArrayList<>((level.size() + 1) / 2);
        for (int i = 0; i + 1 < level.size(); i += 2) {
            parents.add(nodeHash(level.get(i), level.get(i + 1)));
        }
        if (level.size() % 2 == 1) {
            parents.add(level.get(level.size() - 1));
        }
        return parents;
    }
}
