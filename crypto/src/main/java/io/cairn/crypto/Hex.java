package io.cairn.crypto;

import java.util.HexFormat;

/** Lower-case hex without a prefix, the one text form of bytes in Cairn. */
public final class Hex {
    private static final HexFormat FORMAT = HexFormat.of();

    private Hex() {}

    public static String encode(byte[] bytes) {
        return FORMAT.formatHex(bytes);
    }

    /**
     * Decodes hex in either case. Throws {@link IllegalArgumentException} naming the problem
     * (odd length, a non-hex character) so callers can turn it into an error for their field.
     */
    public static byte[] decode(String hex) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("hex has an odd number of characters (" + hex.length() + ")");
        }
        for (int i = 0; i < hex.length(); i++) {
            if (!isHexDigit(hex.charAt(i))) {
                throw new IllegalArgumentException("not a hex character at position " + i + ": '" + hex.charAt(i) + "'");
            }
        }
        return FORMAT.parseHex(hex);
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Decodes hex that must hold exactly {@code length} bytes. */
    public static byte[] decode(String hex, int length) {
        if (hex.length() != 2 * length) {
            throw new IllegalArgumentException(
                    "expected " + 2 * length + " hex characters (" + length + " bytes), got " + hex.length());
        }
        return decode(hex);
    }
}
