package io.cairn.node.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.crypto.Hash;
import io.cairn.ledger.Block;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.state.SignatureVerifier;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.node.chain.TestLedger;
import io.cairn.node.wire.NodeMessage.Blocks;
import io.cairn.node.wire.NodeMessage.CertifiedBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class SyncSignaturesTest {
    /** Counts the checks per transaction, as the mempool's remembering verifier would see them. */
    private final Map<Hash, Integer> checks = new ConcurrentHashMap<>();
    private final SignatureVerifier counting = (hash, tx) -> {
        checks.merge(hash, 1, Integer::sum);
        return tx.hasValidSignature();
    };

    @Test
    void checksEveryTransactionOfEveryBlockOnce() {
        try (TestLedger ledger = new TestLedger(TestGenesis.of(4, 6), 3)) {
            List<CertifiedBlock> answer = new ArrayList<>();
            List<Hash> expected = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Block block = ledger.commitNext(5);
                answer.add(new CertifiedBlock(block.encode(), new byte[] {1}));
                block.transactions().stream().map(Transaction::hash).forEach(expected::add);
            }
            SyncSignatures.verifyInParallel(new Blocks(answer), counting);
            assertThat(checks).containsOnlyKeys(expected);
            assertThat(checks.values()).containsOnly(1);
        }
    }

    @Test
    void anAnswerWithABlockThatDoesNotDecodeIsLeftToTheConsensusThread() {
        try (TestLedger ledger = new TestLedger(TestGenesis.of(4, 6), 4)) {
            Block block = ledger.commitNext(5);
            SyncSignatures.verifyInParallel(new Blocks(List.of(new CertifiedBlock(block.encode(), new byte[] {1}),
                    new CertifiedBlock(new byte[] {7, 7, 7}, new byte[] {1}))), counting);
            assertThat(checks).isEmpty();
        }
    }
}
