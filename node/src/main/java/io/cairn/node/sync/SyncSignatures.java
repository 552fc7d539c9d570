package io.cairn.node.sync;

import io.cairn.crypto.encoding.DecodeException;
import io.cairn.ledger.Block;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.state.SignatureVerifier;
import io.cairn.node.wire.NodeMessage.Blocks;
import io.cairn.node.wire.NodeMessage.CertifiedBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies the transaction signatures of a block sync answer on every core, through a verifier
 * that remembers its answers (the mempool's), before the consensus thread executes the blocks.
 * Catching up is then bounded by execution and storage, not by one core verifying each signature.
 * Nothing is trusted here: a block that does not decode is skipped, and the consensus thread checks
 * every block (and every signature the verifier has not seen) as usual.
 */
public final class SyncSignatures {
    private SyncSignatures() {}

    public static void verifyInParallel(Blocks answer, SignatureVerifier verifier) {
        List<Transaction> transactions = new ArrayList<>();
        for (CertifiedBlock certified : answer.blocks()) {
            try {
                transactions.addAll(Block.decode(certified.block()).transactions());
            } catch (DecodeException e) {
                return; // the consensus thread refuses the answer; no point in checking the rest
            }
        }
        transactions.parallelStream().forEach(tx -> verifier.isValid(tx.hash(), tx));
    }
}
