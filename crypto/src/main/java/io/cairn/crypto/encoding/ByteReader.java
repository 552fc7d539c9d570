package io.cairn.crypto.encoding;

import io.cairn.crypto.Hash;
import io.cairn.crypto.PublicKey;
import io.cairn.crypto.Signature;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads fixed-width big-endian fields, checking every length against what is left before it
 * allocates. Each read names its field so that an error says exactly what was wrong and where.
 */
public final class ByteReader {
    private final byte[] data;
    private final String what;
    private int position;
    private String context = "";

    public ByteReader(byte[] data, String what) {
        this.data = data;
        this.what = what;
    }

    /** Names the part being read (e.g. {@code transactions[3]}) in front of every field in errors. */
    public void context(String part) {
        context = part.isEmpty() ? "" : part + ".";
    }

    public int position() {
        return position;
    }

    public int remaining() {
        return data.length - position;
    }

    public int u8(String field) throws DecodeException {
        need(1, field);
        return data[position++] & 0xff;
    }

    public int u16(String field) throws DecodeException {
        need(2, field);
        int value = (data[position] & 0xff) << 8 | (data[position + 1] & 0xff);
        position += 2;
        return value;
    }

    public long u32(String field) throws DecodeException {
        need(4, field);
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value = value << 8 | (data[position++] & 0xff);
        }
        return value;
    }

    /** A u64 that must fit a Java long: 0 to 2^63 - 1. */
    public long u63(String field) throws DecodeException {
        need(8, field);
        int start = position;
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | (data[position++] & 0xff);
        }
        if (value < 0) {
            throw errorAt(start, field, "value is above 2^63 - 1 (a negative number)");
        }
        return value;
    }

    /** A u32 that must lie in [min, max]. */
    public int u32InRange(String field, int min, int max) throws DecodeException {
        int start = position;
        long value = u32(field);
        if (value < min || value > max) {
            throw errorAt(start, field, value + " is outside " + min + ".." + max);
        }
        return (int) value;
    }

    public int u16InRange(String field, int min, int max) throws DecodeException {
        int start = position;
        int value = u16(field);
        if (value < min || value > max) {
            throw errorAt(start, field, value + " is outside " + min + ".." + max);
        }
        return value;
    }

    public byte[] bytes(int length, String field) throws DecodeException {
        need(length, field);
        byte[] out = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return out;
    }

    public Hash hash(String field) throws DecodeException {
        return Hash.wrap(bytes(Hash.SIZE, field));
    }

    public PublicKey publicKey(String field) throws DecodeException {
        return PublicKey.wrap(bytes(PublicKey.SIZE, field));
    }

    public Signature signature(String field) throws DecodeException {
        return Signature.wrap(bytes(Signature.SIZE, field));
    }

    /** A one-byte length and 1..maxLength characters of A-Z a-z 0-9 . _ - */
    public String identifier(String field, int maxLength) throws DecodeException {
        int start = position;
        int length = u8(field + " length");
        if (length < 1 || length > maxLength) {
            throw errorAt(start, field, "length " + length + " is outside 1.." + maxLength);
        }
        String text = new String(bytes(length, field), StandardCharsets.US_ASCII);
        if (!isIdentifier(text)) {
            throw errorAt(start + 1, field, "has a character outside A-Z a-z 0-9 . _ -");
        }
        return text;
    }

    /** The characters of chain ids and names: A-Z a-z 0-9 . _ - */
    public static boolean isIdentifier(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public void expectEnd() throws DecodeException {
        if (position != data.length) {
            throw errorAt(position, "end", (data.length - position) + " trailing bytes");
        }
    }

    public DecodeException errorAt(int offset, String field, String problem) {
        return new DecodeException("malformed " + what + ": " + context + field + " at byte " + offset + ": " + problem);
    }

    private void need(int length, String field) throws DecodeException {
        if (length < 0 || length > data.length - position) {
            throw errorAt(position, field, "needs " + length + " bytes, only " + (data.length - position) + " left");
        }
    }
}
