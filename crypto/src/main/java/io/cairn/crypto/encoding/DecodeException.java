package io.cairn.crypto.encoding;

/** Bytes that are not a canonical encoding. The message names the field and the offset. */
public final class DecodeException extends Exception {
    public DecodeException(String message) {
        super(message);
    }
}
