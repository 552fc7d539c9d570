package io.cairn.node.config;

/**
 * A node config that cannot be used. The message is one line that starts with the config file and
 * names the field: {@code node.yaml: p2p.peers[1]: 'x' is not validator@host:port}.
 */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(oneLine(message));
    }

    public ConfigException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /** Escapes line breaks and other control characters that text from a file could bring in. */
    static String oneLine(String message) {
        StringBuilder out = new StringBuilder(message.length());
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
