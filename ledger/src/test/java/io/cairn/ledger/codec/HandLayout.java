package io.cairn.ledger.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Encodings written field by field from the documented layouts with a big-endian ByteBuffer,
 * never through the codec, so that tests compare the codec against the documentation. Field
 * values are raw and unchecked: tests use this to build bytes the codec must reject.
 */
final class HandLayout {
    static final byte[] SIGN_TAG = "cairn-tx".getBytes(StandardCharsets.US_ASCII);

    private HandLayout() {}

    /** {@code u8 version | u8 n, chain id | sender (32) | u64 nonce | u8 kind | body}: what is signed, untagged. */
    static byte[] unsignedTransaction(int version, byte[] chainId, byte[] sender, long nonce, int kind, byte[] body) {
        return ByteBuffer.allocate(1 + 1 + chainId.length + sender.length + 8 + 1 + body.length)
                .put((byte) version).put((byte) chainId.length).put(chainId).put(sender)
                .putLong(nonce).put((byte) kind).put(body)
                .array();
    }

    static byte[] transaction(int version, byte[] chainId, byte[] sender, long nonce, int kind, byte[] body,
            byte[] signature) {
        return concat(unsignedTransaction(version, chainId, sender, nonce, kind, body), signature);
    }

    /** A well-formed transaction apart from what the caller chooses: version 1, chain id "c". */
    static byte[] transaction(int kind, byte[] body) {
        return transaction(1, ascii("c"), pattern(32, 0x10), 7, kind, body, pattern(64, 0x40));
    }

    /** {@code to (32) | u64 amount}. */
    static byte[] transferBody(byte[] to, long amount) {
        return ByteBuffer.allocate(to.length + 8).put(to).putLong(amount).array();
    }

    /** {@code u16 n, key | u16 m, value}, with the length prefixes given separately so they can lie. */
    static byte[] putBody(int keyLength, byte[] key, int valueLength, byte[] value) {
        return ByteBuffer.allocate(2 + key.length + 2 + value.length)
                .putShort((short) keyLength).put(key).putShort((short) valueLength).put(value)
                .array();
    }

    /** {@code account (32) | u8 permission}, for grant and revoke. */
    static byte[] permissionBody(byte[] account, int permission) {
        return ByteBuffer.allocate(account.length + 1).put(account).put((byte) permission).array();
    }

    /**
     * {@code u8 version | u64 height | parent (32) | u64 timestamp | proposer (32) | u64 view
     * | transactions root (32) | state root (32) | u32 transaction count}.
     */
    static byte[] header(int version, long height, byte[] parent, long timestamp, byte[] proposer, long view,
            byte[] transactionsRoot, byte[] stateRoot, int transactionCount) {
        return ByteBuffer.allocate(1 + 8 + 32 + 8 + 32 + 8 + 32 + 32 + 4)
                .put((byte) version).putLong(height).put(parent).putLong(timestamp).put(proposer)
                .putLong(view).put(transactionsRoot).put(stateRoot).putInt(transactionCount)
                .array();
    }

    /** A header with fixed filler fields and the chosen version, height and count. */
    static byte[] header(int version, long height, int transactionCount) {
        return header(version, height, pattern(32, 0x20), 1_000, pattern(32, 0x30), 0,
                pattern(32, 0x50), pattern(32, 0x60), transactionCount);
    }

    /** {@code u64 height | u64 view | block hash (32) | u16 count | count × (u16 validator | signature (64))}. */
    static byte[] certificate(long height, long view, byte[] blockHash, int count, int[] validators) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + 8 + 32 + 2 + validators.length * (2 + 64))
                .putLong(height).putLong(view).put(blockHash).putShort((short) count);
        for (int validator : validators) {
            buffer.putShort((short) validator).put(pattern(64, validator));
        }
        return buffer.array();
    }

    /** {@code u64 balance | u64 nonce | u8 permission bits}. */
    static byte[] account(long balance, long nonce, int bits) {
        return ByteBuffer.allocate(17).putLong(balance).putLong(nonce).put((byte) bits).array();
    }

    /** {@code u64 height | u32 index | u8 outcome}. */
    static byte[] location(long height, int index, int outcome) {
        return ByteBuffer.allocate(13).putLong(height).putInt(index).put((byte) outcome).array();
    }

    /** {@code size} bytes {@code start, start+1, ...}: distinct and order-sensitive, so swapped or reversed fields show. */
    static byte[] pattern(int size, int start) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (start + i);
        }
        return bytes;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        int size = 0;
        for (byte[] part : parts) {
            size += part.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        for (byte[] part : parts) {
            buffer.put(part);
        }
        return buffer.array();
    }
}
