package io.cairn.ledger.store;

import io.cairn.crypto.Hash;
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
 * </pre>
 */
final class StoreLayout {
    static final int SCHEMA_VERSION = 1;
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

    private static byte[] meta(String name) {
        return ("M" + name).getBytes(StandardCharsets.US_ASCII);
    }
}
