package io.cairn.ledger.store;

import io.cairn.crypto.Hash;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Block;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.ChainHead;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.Receipt;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.store.AccountTransaction.Cursor;
import java.util.List;
import java.util.Optional;

/** Read access to committed blocks, their certificates and the transaction index. */
public interface BlockStore {
    /** The newest committed block, or the genesis at height 0. */
    ChainHead head();

    Optional<Block> block(long height);

    Optional<BlockHeader> header(long height);

    Optional<Long> heightOf(Hash blockHash);

    Optional<CommitCertificate> certificate(long height);

    /** The receipt of a committed transaction: its block, index and outcome. */
    Optional<Receipt> receipt(Hash transactionHash);

    Optional<Transaction> transaction(Hash transactionHash);

    /**
     * The committed transactions that name {@code account} (as sender, transfer recipient, or
     * grant or revoke target), newest first: at most {@code limit} (at least 1) of them, all
     * strictly before {@code before} when it is given. The last one's cursor asks for the next page.
     */
    List<AccountTransaction> transactionsOf(PublicKey account, Optional<Cursor> before, int limit);
}
