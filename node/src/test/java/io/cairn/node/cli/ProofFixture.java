package io.cairn.node.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.Hash;
import io.cairn.crypto.Hex;
import io.cairn.crypto.MerkleProof;
import io.cairn.crypto.MerkleTree;
import io.cairn.ledger.Block;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.genesis.GenesisFile;
import io.cairn.node.chain.TestLedger;
import io.cairn.rpc.json.BlockJson;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real {@code tx_getProof} answers: a block of a {@link TestLedger} chain, stored with a quorum's
 * consensus-signed COMMIT certificate, its RFC 9162 inclusion proofs from {@link MerkleTree}, and
 * the header and certificate in the API's JSON form ({@link BlockJson}).
 */
record ProofFixture(Genesis genesis, Block block, CommitCertificate certificate) {

    /** Block 3 of a chain of {@code genesis}, holding {@code transactions} transactions. */
    static ProofFixture block(Genesis genesis, int transactions, long seed) {
        try (TestLedger ledger = new TestLedger(genesis, seed).commit(2, 3)) {
            Block block = ledger.commitNext(transactions);
            return new ProofFixture(genesis, block, ledger.store().certificate(block.height()).orElseThrow());
        }
    }

    Hash transactionHash(int index) {
        return block.transactionHashes().get(index);
    }

    /** The answer for the transaction at {@code index}, in exactly the shape of tx_getProof. */
    ObjectNode answer(int index) {
        MerkleProof proof = MerkleTree.proof(block.transactionHashes(), index);
        ObjectNode answer = FakeNode.JSON.createObjectNode()
                .put("hash", transactionHash(index).toHex())
                .put("height", block.height())
                .put("index", index);
        ObjectNode proofJson = answer.putObject("proof").put("leafIndex", proof.index()).put("treeSize", proof.size());
        ArrayNode path = proofJson.putArray("path");
        proof.path().forEach(hash -> path.add(hash.toHex()));
        answer.set("header", BlockJson.header(block.header()));
        answer.put("headerEncoded", Hex.encode(block.header().encode()));
        answer.set("certificate", BlockJson.certificate(certificate));
        return answer;
    }

    Path writeGenesis(Path dir) throws Exception {
        Path file = dir.resolve("genesis-" + genesis.chainId() + "-" + genesis.hash().toHex().substring(0, 8) + ".json");
        if (!Files.exists(file)) {
            GenesisFile.write(file, genesis);
        }
        return file;
    }

    static Path write(Path dir, String name, Object json) throws Exception {
        return Files.writeString(dir.resolve(name), json.toString());
    }
}
