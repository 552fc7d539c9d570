package io.cairn.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.crypto.testing.RandomCases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 9162 section 2.1: the Merkle Tree Hash and its inclusion proofs. */
class MerkleTreeTest {
    @Test
    void emptyTreeIsTheHashOfNothing() {
        assertThat(MerkleTree.root(List.of()).toHex())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void singleItemIsItsLeafHash() {
        Hash item = Hash.of("tx".getBytes());
        assertThat(MerkleTree.root(List.of(item))).isEqualTo(Hash.of(new byte[] {0}, item.toByteArray()));
    }

    @Test
    void threeItemsCarryTheLastUpUnduplicated() {
        List<Hash> items = items(3);
        Hash l0 = leaf(items.get(0));
        Hash l1 = leaf(items.get(1));
        Hash l2 = leaf(items.get(2));
        assertThat(MerkleTree.root(items)).isEqualTo(node(node(l0, l1), l2));
    }

    @Test
    void duplicatingTheLastItemChangesTheRoot() {
        List<Hash> three = items(3);
        List<Hash> four = new ArrayList<>(three);
        four.add(three.get(2));
        assertThat(MerkleTree.root(four)).isNotEqualTo(MerkleTree.root(three));
    }

    @Test
    void matchesTheRecursiveDefinitionOfRfc9162() {
        for (int count = 0; count <= 300; count++) {
            List<Hash> items = items(count);
            assertThat(MerkleTree.root(items)).as("%d items", count).isEqualTo(recursiveRoot(items));
        }
    }

    @Test
    void everyProofVerifiesForEverySizeUpTo70() {
        for (int size = 1; size <= 70; size++) {
            List<Hash> items = items(size);
            Hash root = MerkleTree.root(items);
            for (int i = 0; i < size; i++) {
                MerkleProof proof = MerkleTree.proof(items, i);
                assertThat(proof.verify(items.get(i), root)).as("item %d of %d", i, size).isTrue();
            }
        }
    }

    @Test
    void tamperedProofsFail() {
        RandomCases.forAll("tampered merkle proofs", 500, random -> {
            int size = 2 + random.nextInt(199);
            checkTamperedProofsFail(size, random.nextInt(size));
        });
    }

    private static void checkTamperedProofsFail(int size, int index) {
        List<Hash> items = items(size);
        Hash root = MerkleTree.root(items);
        MerkleProof proof = MerkleTree.proof(items, index);
        Hash item = items.get(index);

        assertThat(proof.verify(items.get((index + 1) % size), root)).isFalse();
        assertThat(proof.verify(item, Hash.of(root.toByteArray()))).isFalse();
        assertThat(new MerkleProof((index + 1) % size, size, proof.path()).verify(item, root)).isFalse();
        // The size itself is not bound by the root (RFC 9162 signs it in the tree head); Cairn
        // binds it through the block header's transaction count.
        assertThat(new MerkleProof(index, size, proof.path().subList(1, proof.path().size())).verify(item, root)).isFalse();
        List<Hash> longer = new ArrayList<>(proof.path());
        longer.add(root);
        assertThat(new MerkleProof(index, size, longer).verify(item, root)).isFalse();
        List<Hash> altered = new ArrayList<>(proof.path());
        altered.set(0, Hash.of(altered.get(0).toByteArray()));
        assertThat(new MerkleProof(index, size, altered).verify(item, root)).isFalse();
        assertThat(new MerkleProof(-1, size, proof.path()).verify(item, root)).isFalse();
        assertThat(new MerkleProof(size, size, proof.path()).verify(item, root)).isFalse();
    }

    @Test
    void anInnerNodeCannotPassForALeaf() {
        List<Hash> items = items(4);
        Hash root = MerkleTree.root(items);
        Hash innerLeft = node(leaf(items.get(0)), leaf(items.get(1)));
        MerkleProof proofOfInner = new MerkleProof(0, 2, List.of(node(leaf(items.get(2)), leaf(items.get(3)))));
        assertThat(proofOfInner.verify(innerLeft, root)).isFalse();
    }

    private static Hash recursiveRoot(List<Hash> items) {
        if (items.isEmpty()) {
            return Hash.of();
        }
        if (items.size() == 1) {
            return leaf(items.get(0));
        }
        int k = Integer.highestOneBit(items.size() - 1);
        return node(recursiveRoot(items.subList(0, k)), recursiveRoot(items.subList(k, items.size())));
    }

    private static List<Hash> items(int count) {
        List<Hash> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(Hash.of(("tx-" + i).getBytes()));
        }
        return items;
    }

    private static Hash leaf(Hash item) {
        return Hash.of(new byte[] {0x00}, item.toByteArray());
    }

    private static Hash node(Hash left, Hash right) {
        return Hash.of(new byte[] {0x01}, left.toByteArray(), right.toByteArray());
    }
}
