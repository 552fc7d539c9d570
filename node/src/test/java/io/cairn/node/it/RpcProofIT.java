package io.cairn.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.consensus.validation.CertificateVerifier;
import io.cairn.crypto.Hash;
import io.cairn.crypto.Hex;
import io.cairn.crypto.MerkleProof;
import io.cairn.crypto.PublicKey;
import io.cairn.crypto.Signature;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.Validator;
import io.cairn.node.chain.Certificates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * tx_getProof and tx_listByAccount against real validator processes: the proof of a committed
 * transaction checks with the genesis validator keys alone, as docs/rpc.md describes, and every
 * transfer is in the history of both its sender and its recipient, on any node.
 */
class RpcProofIT {

    @Test
    void proofsOfCommittedTransfersCheckWithTheGenesisKeysAndHistoriesListThem() throws Exception {
        try (LocalNetwork network = LocalNetwork.create("proof", 4, false)) {
            network.startAll();
            Transfers transfers = new Transfers(network);
            assertThat(transfers.submit(12, 0, 1, 2, 3)).isEqualTo(12);
            Convergence.awaitCommitted(network, transfers.admitted(), Duration.ofSeconds(60), 0, 1, 2, 3);

            List<PublicKey> validators = network.genesis().validators().stream().map(Validator::publicKey).toList();
            for (String hash : transfers.admitted()) {
                JsonNode proof = network.rpc(3).result("tx_getProof", Map.of("hash", hash));
                byte[] headerEncoded = Hex.decode(proof.get("headerEncoded").textValue());
                BlockHeader header = BlockHeader.decode(headerEncoded);
                assertThat(merkleProof(proof.get("proof")).verify(Hash.fromHex(hash), header.transactionsRoot()))
                        .as("inclusion of %s", hash).isTrue();
                CommitCertificate certificate = certificate(proof.get("certificate"));
                assertThat(certificate.blockHash()).isEqualTo(Hash.of(headerEncoded));
                assertThat(certificate.height()).isEqualTo(header.height());
                assertThat(CertificateVerifier.verify(network.genesis().chainId(), validators,
                        Certificates.toConsensus(certificate))).as("finality of %s", hash).isEmpty();

                JsonNode tx = network.rpc(1).result("tx_get", Map.of("hash", hash)).get("transaction");
                for (String account : List.of(tx.get("sender").textValue(), tx.get("to").textValue())) {
                    JsonNode page = network.rpc(2).result("tx_listByAccount", Map.of("address", account, "limit", 100));
                    assertThat(page.get("transactions").findValuesAsText("hash")).as("history of %s", account)
                            .contains(hash);
                }
            }
        }
    }

    private static MerkleProof merkleProof(JsonNode json) {
        List<Hash> path = new ArrayList<>();
        json.get("path").forEach(sibling -> path.add(Hash.fromHex(sibling.textValue())));
        return new MerkleProof(json.get("leafIndex").asLong(), json.get("treeSize").asLong(), path);
    }

    private static CommitCertificate certificate(JsonNode json) {
        List<CommitCertificate.ValidatorSignature> signatures = new ArrayList<>();
        json.get("signatures").forEach(signature -> signatures.add(new CommitCertificate.ValidatorSignature(
                signature.get("validator").asInt(), Signature.fromHex(signature.get("signature").textValue()))));
        return new CommitCertificate(json.get("height").asLong(), json.get("view").asLong(),
                Hash.fromHex(json.get("blockHash").textValue()), signatures);
    }
}
