package io.cairn.ledger.store;

import io.cairn.crypto.Hash;
import io.cairn.crypto.PublicKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The keys of a Cairn store: one prefix byte per kind, heights as big-endian u64 so that blocks
 * sort by height. Values are the canonical encodings of the ledger codec.
 * <pre>
 *   M schema | M genesis | M head          schema version, genesis hash, u64 height | block hash
 *   M consensus                            the consensus core's durable state (opaque here)
 *   B height    block          H height    header            C height   commit certificate
 *   N hash      u64 height of a block hash T hash             transaction location and outcome
 *   S state key state entry (account or anchored value)
 *   A account | ~u64 height | ~u32 index   hash of a transaction that names the account
 * </pre>
 * The account index lists each committed transaction under its sender and under the account
 * it names (a transfer's recipient, a grant's or revoke's target), once per account. Its height
 * and index are complemented (every bit flipped), so a forward scan from an account's prefix
 * meets its newest transaction first. Schema 2 added it; a schema 1 store lacks it and is refused.
 */
final class StoreLayout {
    static final int SCHEMA_VERSION = 2;
    static final byte[] SCHEMA = meta("schema");
    static final byte[] GENESIS = meta("genesis");
    static final byte[] HEAD = meta("head");
    /** The consensus core's durable state (votes and view at the height being decided). */
    static final byte[] CONSENSUS = meta("consensus");
    static final byte BLOCK = 'B';
    static final byte HEADER = 'H';
    static final byte CERTIFICATE = 'C';
    static final byte HEIGHT_BY_HASH = 'N';
    static final byte TRANSACTION = 'T';
    static final byte STATE = 'S';
    static final byte ACCOUNT_TRANSACTION = 'A';
    static final int ACCOUNT_TRANSACTION_KEY_BYTES = 1 + PublicKey.SIZE + 8 + 4;

    private StoreLayout() {}

    static byte[] byHeight(byte prefix, long height) {
        return ByteBuffer.allocate(9).put(prefix).putLong(height).array();
    }

    static byte[] byHash(byte prefix, Hash hash) {
        byte[] key = new byte[1 + Hash.SIZE];
        key[0] = prefix;
        hash.copyTo(key, 1);
        return key;
    }

    static byte[] state(byte[] stateKey) {
        byte[] key = new byte[1 + stateKey.length];
        key[0] = STATE;
        System.arraycopy(stateKey, 0, key, 1, stateKey.length);
        return key;
    }

    /** The prefix of every account index entry of {@code account}. */
    static byte[] accountTransactions(PublicKey account) {
        byte[] key = new byte[1 + PublicKey.SIZE];
        key[0] = ACCOUNT_TRANSACTION;
        account.copyTo(key, 1);
        return key;
    }

    /** The account index key of the transaction at ({@code height}, {@code index}) under {@code account}. */
    static byte[] accountTransaction(PublicKey account, long height, int index) {
        return ByteBuffer.allocate(ACCOUNT_TRANSACTION_KEY_BYTES).put(accountTransactions(account))
                .putLong(~height).putInt(~index).array();
    }

    /** The height in an account index key. */
    static long accountTransactionHeight(byte[] key) {
        return ~ByteBuffer.wrap(key, 1 + PublicKey.SIZE, 8).getLong();
    }

    /** The index in its block, in an account index key. */
    static int accountTransactionIndex(byte[] key) {
        return ~ByteBuffer.wrap(key, 1 + PublicKey.SIZE + 8, 4).getInt();
    }

    static byte[] u32(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    static byte[] u64(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    static byte[] head(long height, Hash blockHash) {
        byte[] value = ByteBuffer.allocate(8 + Hash.SIZE).putLong(height).array();
        blockHash.copyTo(value, 8);
        return value;
    }

    static boolean startsWith(byte[] key, byte[] prefix) {
        if (key.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (key[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Fails unless {@code from} starts with {@code prefix}: a seek before the prefix would find nothing under it. */
    static void requireUnder(byte[] prefix, byte[] from) {
        if (!startsWith(from, prefix)) {
            throw new IllegalArgumentException("a scan's start key must begin with its prefix");
        }
    }

    private static byte[] meta(String name) {
        return ("M" + name).getBytes(StandardCharsets.US_ASCII);
    }
}
