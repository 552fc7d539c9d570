package io.cairn.ledger;

import io.cairn.crypto.encoding.ByteReader;

/**
 * Hard limits of the protocol. The decoder enforces them before it allocates anything, so
 * hostile bytes can never ask for more memory than these allow. Genesis may set tighter ones.
 */
public final class ProtocolLimits {
    public static final int CHAIN_ID_MAX_LENGTH = 32;
    public static final int NAME_MAX_LENGTH = 32;
    public static final int PUT_KEY_MAX_BYTES = 256;
    public static final int PUT_VALUE_MAX_BYTES = 16 * 1024;
    /** The largest encoded transaction: a put with the largest key and value and chain id. */
    public static final int TRANSACTION_MAX_BYTES =
            1 + 1 + CHAIN_ID_MAX_LENGTH + 32 + 8 + 1 + 2 + PUT_KEY_MAX_BYTES + 2 + PUT_VALUE_MAX_BYTES + 64;
    public static final int BLOCK_MAX_TRANSACTIONS = 100_000;
    public static final int BLOCK_MAX_BYTES = 64 * 1024 * 1024;
    public static final int MAX_VALIDATORS = 256;

    private ProtocolLimits() {}

    /** Chain ids and names: 1 to 32 characters of {@code A-Z a-z 0-9 . _ -}. */
    public static boolean isValidIdentifier(String text, int maxLength) {
        return text != null && !text.isEmpty() && text.length() <= maxLength && ByteReader.isIdentifier(text);
    }

    static String requireChainId(String chainId) {
        if (!isValidIdentifier(chainId, CHAIN_ID_MAX_LENGTH)) {
            throw new IllegalArgumentException("chain id must be 1 to " + CHAIN_ID_MAX_LENGTH
                    + " characters of A-Z a-z 0-9 . _ -, got '" + chainId + "'");
        }
        return chainId;
    }
}
