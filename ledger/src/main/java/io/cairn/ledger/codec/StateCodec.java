package io.cairn.ledger.codec;

import io.cairn.crypto.encoding.ByteReader;
import io.cairn.crypto.encoding.ByteWriter;
import io.cairn.crypto.encoding.DecodeException;
import io.cairn.crypto.Hash;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Account;
import io.cairn.ledger.Outcome;
import io.cairn.ledger.Permission;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;

/**
 * The state's bytes. Keys: an account is {@code 0x01 | public key}; a value anchored by
 * {@code put} is {@code 0x02 | owner | key}. An account is {@code u64 balance | u64 nonce |
 * u8 permission bits} (bit 0 transfer, 1 put, 2 admin). Also the committed transaction index
 * entry, {@code u64 height | u32 index | u8 outcome}.
 */
public final class StateCodec {
    public static final byte ACCOUNT_KEY = 0x01;
    public static final byte DATA_KEY = 0x02;
    public static final int ACCOUNT_BYTES = 8 + 8 + 1;

    private StateCodec() {}

    public static byte[] accountKey(PublicKey account) {
        return new ByteWriter(1 + PublicKey.SIZE).u8(ACCOUNT_KEY).publicKey(account).toByteArray();
    }

    public static byte[] dataKey(PublicKey owner, byte[] key) {
        return new ByteWriter(1 + PublicKey.SIZE + key.length).u8(DATA_KEY).publicKey(owner).bytes(key).toByteArray();
    }

    public static byte[] encodeAccount(Account account) {
        return new ByteWriter(ACCOUNT_BYTES)
                .u64(account.balance()).u64(account.nonce()).u8(Permission.toBits(account.permissions()))
                .toByteArray();
    }

    public static Account decodeAccount(byte[] encoded) throws DecodeException {
        ByteReader reader = new ByteReader(encoded, "account");
        long balance = reader.u63("balance");
        long nonce = reader.u63("nonce");
        int at = reader.position();
        int bits = reader.u8("permissions");
        if ((bits & ~Permission.ALL_BITS) != 0) {
            throw reader.errorAt(at, "permissions", "unknown permission bits " + Integer.toBinaryString(bits));
        }
        reader.expectEnd();
        return new Account(balance, nonce, Permission.fromBits(bits));
    }

    /** Where a committed transaction is and how it ended; the hash is the key it is stored under. */
    public record TransactionLocation(long height, int index, Outcome outcome) {}

    public static byte[] encodeLocation(TransactionLocation location) {
        return new ByteWriter(13).u64(location.height()).u32(location.index()).u8(location.outcome().code()).toByteArray();
    }

    public static TransactionLocation decodeLocation(byte[] encoded) throws DecodeException {
        ByteReader reader = new ByteReader(encoded, "transaction location");
        int heightAt = reader.position();
        long height = reader.u63("height");
        if (height == 0) {
            throw reader.errorAt(heightAt, "height", "blocks start at height 1");
        }
        int index = reader.u32InRange("index", 0, Integer.MAX_VALUE);
        int at = reader.position();
        int code = reader.u8("outcome");
        Outcome outcome = Outcome.fromCode(code).orElseThrow(() -> reader.errorAt(at, "outcome", "unknown outcome " + code));
        reader.expectEnd();
        return new TransactionLocation(height, index, outcome);
    }

    private static final byte[] STATE_ROOT_TAG = "cairn-state".getBytes(StandardCharsets.US_ASCII);

    /**
     * What the state root after a block hashes: {@code "cairn-state" | previous root (32) |
     * u64 height | writes}, writes as {@link #encodeWrites}. Genesis is height 0 on a zero root.
     */
    public static byte[] stateRootPreimage(Hash previous, long height, SortedMap<byte[], byte[]> writes) {
        byte[] encodedWrites = encodeWrites(writes);
        return new ByteWriter(STATE_ROOT_TAG.length + 32 + 8 + encodedWrites.length)
                .bytes(STATE_ROOT_TAG).hash(previous).u64(height).bytes(encodedWrites).toByteArray();
    }

    /**
     * The changed entries of a block, in key order, as hashed into the state root:
     * {@code u32 count | count × (u16 key length | key | u32 value length | value)}.
     */
    public static byte[] encodeWrites(SortedMap<byte[], byte[]> writes) {
        int size = 4;
        for (Map.Entry<byte[], byte[]> write : writes.entrySet()) {
            size += 2 + write.getKey().length + 4 + write.getValue().length;
        }
        ByteWriter writer = new ByteWriter(size).u32(writes.size());
        for (Map.Entry<byte[], byte[]> write : writes.entrySet()) {
            writer.u16(write.getKey().length).bytes(write.getKey()).u32(write.getValue().length).bytes(write.getValue());
        }
        return writer.toByteArray();
    }
}
