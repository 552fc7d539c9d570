package io.cairn.ledger.state;

import io.cairn.crypto.Hash;
import io.cairn.crypto.MerkleTree;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Block;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.ChainHead;
import io.cairn.ledger.ConsensusParams;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Receipt;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.codec.BlockCodec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the next block from candidate transactions in the order given: each one that may enter
 * a block on the state so far is applied and included, until the genesis limits are reached. So
 * the block {@link BlockVerifier} sees is always valid when the proposer is honest.
 */
public final class BlockBuilder {
    private final ConsensusParams params;
    private final TransactionRules rules;

    public BlockBuilder(Genesis genesis) {
        this.params = genesis.consensus();
        this.rules = new TransactionRules(genesis);
    }

    public ProposedBlock build(ChainHead parent, WorldState state, long nowMillis, PublicKey proposer, long view,
            Iterable<Transaction> candidates, SignatureVerifier signatures) {
        long height = parent.height() + 1;
        StateOverlay overlay = new StateOverlay(state);
        List<Transaction> included = new ArrayList<>();
        List<Hash> hashes = new ArrayList<>();
        List<Receipt> receipts = new ArrayList<>();
        List<ProposedBlock.Refused> refused = new ArrayList<>();
        Set<PublicKey> deferred = new HashSet<>(); // senders with a transaction that did not fit
        long bytes = BlockCodec.HEADER_BYTES;
        for (Transaction tx : candidates) {
            if (included.size() == params.maxBlockTransactions()) {
                break;
            }
            if (deferred.contains(tx.sender())) {
                continue; // its nonce follows one that did not fit: not refused, only not yet
            }
            Hash hash = tx.hash();
            Optional<Rejection> rejection = rules.checkIncludable(hash, tx, overlay, signatures);
            if (rejection.isPresent()) {
                refused.add(new ProposedBlock.Refused(tx, rejection.get()));
                continue;
            }
            int size = tx.encodedSize();
            if (bytes + size > params.maxBlockBytes()) {
                deferred.add(tx.sender());
                continue; // does not fit; a smaller one still might
            }
            bytes += size;
            receipts.add(new Receipt(hash, height, included.size(), rules.apply(tx, overlay)));
            included.add(tx);
            hashes.add(hash);
        }
        StateChanges changes = overlay.changes();
        Hash stateRoot = changes.rootAfter(parent.stateRoot(), height);
        long timestamp = Math.max(nowMillis, parent.timestampMillis() + 1);
        BlockHeader header = new BlockHeader(height, parent.blockHash(), timestamp, proposer, view,
                MerkleTree.root(hashes), stateRoot, included.size());
        return new ProposedBlock(new Block(header, included),
                new ExecutionResult(height, receipts, changes, stateRoot), refused);
    }
}
