package io.cairn.ledger.store;

import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Block;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Receipt;
import io.cairn.ledger.Transaction;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The account index ({@code 'A'} in {@link StoreLayout}): every committed transaction under each
 * account it names, so an account's history is one short scan instead of a walk over all blocks.
 */
final class AccountIndex {
    private AccountIndex() {}

    /** The sender, then the account the operation names if any; each once (a transfer to oneself is one). */
    static Set<PublicKey> accountsOf(Transaction tx) {
        Set<PublicKey> accounts = new LinkedHashSet<>();
        accounts.add(tx.sender());
        Operation operation = tx.operation();
        if (operation instanceof Operation.Transfer transfer) {
            accounts.add(transfer.to());
        } else if (operation instanceof Operation.Grant grant) {
            accounts.add(grant.account());
        } else if (operation instanceof Operation.Revoke revoke) {
            accounts.add(revoke.account());
        }
        return accounts;
    }

    /** Adds the index entries of {@code block}'s transactions, whose receipts carry their hashes, to {@code batch}. */
    static void put(WriteBatch batch, Block block, Iterable<Receipt> receipts) {
        for (Receipt receipt : receipts) {
            Transaction tx = block.transactions().get(receipt.index());
            byte[] hash = receipt.transactionHash().toByteArray();
            for (PublicKey account : accountsOf(tx)) {
                batch.put(StoreLayout.accountTransaction(account, receipt.height(), receipt.index()), hash);
            }
        }
    }
}
