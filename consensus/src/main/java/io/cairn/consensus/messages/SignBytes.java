package io.cairn.consensus.messages;

import io.cairn.crypto.Hash;
import io.cairn.crypto.encoding.ByteWriter;
import java.nio.charset.StandardCharsets;

/**
 * The bytes a validator signs, built in this one place:
 * {@code "cairn-pbft" | u8 n, chain id | u8 type | u64 height | u64 view | digest (32)}.
 * For PRE-PREPARE, PREPARE and COMMIT the digest is the block's; for VIEW-CHANGE and NEW-VIEW it
 * is the SHA-256 of the message body, so the signature covers all of it. The tag keeps a
 * consensus signature from ever passing as a transaction's ("cairn-tx").
 */
public final class SignBytes {
    private static final byte[] TAG = "cairn-pbft".getBytes(StandardCharsets.US_ASCII);

    private SignBytes() {}

    public static byte[] of(String chainId, MessageType type, long height, long view, Hash digest) {
        return new ByteWriter(TAG.length + 1 + chainId.length() + 1 + 8 + 8 + Hash.SIZE)
                .bytes(TAG).identifier(chainId).u8(type.code()).u64(height).u64(view).hash(digest)
                .toByteArray();
    }
}
