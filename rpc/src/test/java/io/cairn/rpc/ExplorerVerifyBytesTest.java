package io.cairn.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.consensus.Quorum;
import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.messages.SignBytes;
import io.cairn.crypto.Hash;
import io.cairn.crypto.Hex;
import io.cairn.crypto.MerkleTree;
import io.cairn.ledger.Block;
import io.cairn.ledger.testing.TestGenesis;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bytes the explorer builds in the browser are the node's own: the encoded header and its
 * hash, the COMMIT sign-bytes, the quorum, and RFC 9162 Merkle roots and inclusion proofs (checked
 * against crypto's MerkleTree on trees of every shape up to 33 leaves).
 */
class ExplorerVerifyBytesTest {
    @RegisterExtension
    static final RpcServerFixture fixture = new RpcServerFixture();
    private static final RpcClient client = fixture.client;

    @BeforeAll
    static void needsNodeJs() {
        ExplorerScript.assumeNodeJs();
    }

    @Test
    void theHeaderTheBrowserEncodesHashesToTheBlockHashAndItsSignBytesAreConsensuss() {
        ExplorerScript script = new ExplorerScript();
        List<int[]> calls = new ArrayList<>();
        for (long height = 1; height <= InMemoryNode.BLOCKS; height++) {
            JsonNode answer = client.result("chain_getBlock", "{\"height\":" + height + "}");
            JsonNode header = answer.get("header");
            calls.add(new int[] {
                script.call("encodeHeader", header),
                script.call("sha256", Hex.encode(fixture.node.store().header(height).orElseThrow().encode())),
                script.call("commitSignBytes", TestGenesis.CHAIN_ID, height, header.get("view").asLong(),
                        answer.get("hash").textValue())});
        }
        List<JsonNode> results = script.run();
        for (int i = 0; i < calls.size(); i++) {
            long height = i + 1;
            Block block = fixture.node.store().block(height).orElseThrow();
            int[] at = calls.get(i);
            assertThat(results.get(at[0]).textValue()).as("header of %d", height).isEqualTo(Hex.encode(block.header().encode()));
            assertThat(results.get(at[1]).textValue()).as("hash of %d", height).isEqualTo(block.hash().toHex());
            assertThat(results.get(at[2]).textValue()).as("sign-bytes of %d", height).isEqualTo(Hex.encode(
                    SignBytes.of(TestGenesis.CHAIN_ID, MessageType.COMMIT, height, block.header().view(), block.hash())));
        }
    }

    @Test
    void theQuorumIsConsensussForEveryValidatorCount() {
        ExplorerScript script = new ExplorerScript();
        for (int n = 1; n <= 40; n++) {
            script.call("quorum", n);
        }
        List<JsonNode> results = script.run();
        for (int n = 1; n <= 40; n++) {
            assertThat(results.get(n - 1).asInt()).as("quorum of %d", n).isEqualTo(new Quorum(n).size());
        }
    }

    @Test
    void merkleRootsAndEveryInclusionProofAgreeWithCryptoOnTreesOfEveryShape() {
        Random random = new Random(6);
        ExplorerScript script = new ExplorerScript();
        List<List<Hash>> trees = new ArrayList<>();
        List<int[]> proofCalls = new ArrayList<>();
        for (int size = 0; size <= 33; size++) {
            List<Hash> items = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                byte[] bytes = new byte[8];
                random.nextBytes(bytes);
                items.add(Hash.of(bytes));
            }
            trees.add(items);
            script.call("merkleRoot", items.stream().map(Hash::toHex).toList());
            int[] calls = new int[size];
            for (int i = 0; i < size; i++) {
                calls[i] = script.call("rootFromInclusionProof", items.get(i).toHex(), i, size,
                        MerkleTree.proof(items, i).path().stream().map(Hash::toHex).toList());
            }
            proofCalls.add(calls);
        }
        List<JsonNode> results = script.run();
        int at = 0;
        for (int size = 0; size <= 33; size++) {
            String root = MerkleTree.root(trees.get(size)).toHex();
            assertThat(results.get(at++).textValue()).as("root of %d leaves", size).isEqualTo(root);
            for (int i = 0; i < size; i++) {
                assertThat(results.get(proofCalls.get(size)[i]).textValue()).as("leaf %d of %d", i, size).isEqualTo(root);
                at++;
            }
        }
    }

    @Test
    void aProofOfTheWrongShapeLeadsNowhere() {
        List<Hash> items = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            items.add(Hash.of(new byte[] {(byte) i}));
        }
        List<String> path = MerkleTree.proof(items, 1).path().stream().map(Hash::toHex).toList();
        String leaf = items.get(1).toHex();
        String root = MerkleTree.root(items).toHex();
        List<String> longer = new ArrayList<>(path);
        longer.add(items.get(5).toHex());
        List<String> flipped = new ArrayList<>(path);
        flipped.set(0, items.get(4).toHex());
        ExplorerScript script = new ExplorerScript();
        script.call("rootFromInclusionProof", leaf, 1, 6, path);
        script.call("rootFromInclusionProof", leaf, 6, 6, path);
        script.call("rootFromInclusionProof", leaf, -1, 6, path);
        script.call("rootFromInclusionProof", leaf, 1, 6, path.subList(0, path.size() - 1));
        script.call("rootFromInclusionProof", leaf, 1, 6, longer);
        script.call("rootFromInclusionProof", leaf, 0, 6, path);
        script.call("rootFromInclusionProof", leaf, 1, 6, flipped);
        List<JsonNode> results = script.run();

        assertThat(results.get(0).textValue()).isEqualTo(root);
        assertThat(results.subList(1, 5)).as("index out of the tree, path too short or too long")
                .allSatisfy(result -> assertThat(result.isNull()).as("%s", result).isTrue());
        assertThat(results.subList(5, 7)).as("another leaf index, another sibling")
                .allSatisfy(result -> assertThat(result.textValue()).isNotNull().isNotEqualTo(root));
    }
}
