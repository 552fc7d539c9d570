package io.cairn.node.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A {@code host:port} as written in the config: a host name, an IPv4 address, or an IPv6 address
 * in brackets ({@code [::1]:7001}), and a port from 1 to 65535.
 */
public record HostPort(String host, int port) {
    public static final int MIN_PORT = 1;
    public static final int MAX_PORT = 65_535;
    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    public HostPort {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("the host is empty");
        }
        if (port < MIN_PORT || port > MAX_PORT) {
            throw new IllegalArgumentException("port " + port + " is outside " + MIN_PORT + ".." + MAX_PORT);
        }
    }

    /** Parses {@code host:port}; the exception's message says what is wrong, for the caller to prefix. */
    public static HostPort parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(ConfigField.quote(text) + " is not host:port");
        }
        String host = text.substring(0, colon);
        String port = text.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
            if (!isIpv6(host)) {
                throw new IllegalArgumentException(ConfigField.quote(host) + " in brackets is not an IPv6 address");
            }
        } else if (host.contains(":")) {
            throw new IllegalArgumentException(ConfigField.quote(text)
                    + " is not host:port (write an IPv6 address in brackets: [::1]:7001)");
        } else if (host.isEmpty()) {
            throw new IllegalArgumentException(ConfigField.quote(text) + " has no host before the port");
        } else if (DIGITS_AND_DOTS.matcher(host).matches() ? !IPV4.matcher(host).matches()
                : !HOST_NAME.matcher(host).matches()) {
            throw new IllegalArgumentException(ConfigField.quote(host) + " is not a host name or IP address");
        }
        return new HostPort(host, parsePort(port));
    }

    private static int parsePort(String port) {
        if (port.isEmpty() || port.length() > 6 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("port " + ConfigField.quote(port) + " is not a number from "
                    + MIN_PORT + " to " + MAX_PORT);
        }
        int value = Integer.parseInt(port);
        if (value < MIN_PORT || value > MAX_PORT) {
            throw new IllegalArgumentException("port " + value + " is outside " + MIN_PORT + ".." + MAX_PORT);
        }
        return value;
    }

    public boolean isIpLiteral() {
        return IPV4.matcher(host).matches() || isIpv6(host);
    }

    /**
     * The socket address: resolved for an IP address (no lookup needed), unresolved for a host
     * name, so a peer's name is looked up when connecting, not once at start.
     */
    public InetSocketAddress toSocketAddress() {
        if (!isIpLiteral()) {
            return InetSocketAddress.createUnresolved(host, port);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an IP literal always parses: " + host, e);
        }
    }

    /** The address to bind to: a name is looked up now, since a listener cannot wait for it. */
    public InetSocketAddress resolveForListening() throws UnknownHostException {
        return new InetSocketAddress(InetAddress.getByName(host), port);
    }

    private static boolean isIpv6(String host) {
        return host.contains(":") && IPV6_CHARS.matcher(host).matches() && validIpv6(host);
    }

    private static boolean validIpv6(String host) {
        try {
            // A host with a colon is never looked up by name: this only parses the literal.
            InetAddress.getByName(host);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
