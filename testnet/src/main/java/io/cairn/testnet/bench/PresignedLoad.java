package io.cairn.testnet.bench;

import io.cairn.crypto.Hex;
import io.cairn.crypto.KeyPair;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Transaction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Every transfer of a run, signed before the clock starts so that signing never competes with submitting.
 * Account {@code k} sends 1 unit to account {@code k+1} (wrapping), nonces consecutive from its current nonce.
 */
public final class PresignedLoad {
    private final List<List<SignedTransfer>> byAccount;

    private PresignedLoad(List<List<SignedTransfer>> byAccount) {
        this.byAccount = byAccount;
    }

    /**
     * Signs {@code total} transfers spread evenly over the accounts (in parallel, one account per task).
     *
     * @param firstNonces each account's next nonce on the chain
     */
    public static PresignedLoad sign(String chainId, List<KeyPair> accounts, long[] firstNonces, long total) {
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("bench needs at least one account to send from");
        }
        if (firstNonces.length != accounts.size()) {
            throw new IllegalArgumentException(
                    "got " + firstNonces.length + " nonces for " + accounts.size() + " accounts");
        }
        if (total < 1) {
            throw new IllegalArgumentException("bench needs at least one transaction, got " + total);
        }
        int n = accounts.size();
        List<List<SignedTransfer>> signed = IntStream.range(0, n).parallel()
                .mapToObj(k -> signAccount(chainId, accounts, k, firstNonces[k], total / n + (k < total % n ? 1 : 0)))
                .toList();
        return new PresignedLoad(signed);
    }

    private static List<SignedTransfer> signAccount(String chainId, List<KeyPair> accounts, int k, long first, long count) {
        KeyPair key = accounts.get(k);
        Operation transfer = new Operation.Transfer(accounts.get((k + 1) % accounts.size()).publicKey(), 1);
        List<SignedTransfer> out = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            Transaction tx = Transaction.sign(chainId, key, first + i, transfer);
            out.add(new SignedTransfer(tx.hash().toHex(), Hex.encode(tx.encode()), k, first + i));
        }
        return out;
    }

    public int accounts() {
        return byAccount.size();
    }

    /** Account {@code k}'s transfers, in nonce order. */
    public List<SignedTransfer> of(int account) {
        return byAccount.get(account);
    }

    /** Every transfer's hash. */
    public Set<String> hashes() {
        Set<String> hashes = new HashSet<>();
        byAccount.forEach(transfers -> transfers.forEach(tx -> hashes.add(tx.hash())));
        return hashes;
    }

    public long total() {
        return byAccount.stream().mapToLong(List::size).sum();
    }
}
