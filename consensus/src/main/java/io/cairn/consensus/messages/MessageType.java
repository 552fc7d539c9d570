package io.cairn.consensus.messages;

import java.util.Optional;

/** The five PBFT messages, with the byte that names each in sign-bytes and on the wire. */
public enum MessageType {
    PRE_PREPARE(1), PREPARE(2), COMMIT(3), VIEW_CHANGE(4), NEW_VIEW(5);

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<MessageType> fromCode(int code) {
        for (MessageType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
