package io.cairn.testnet.init;

import io.cairn.testnet.cli.TestnetFailure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * The ports of a testnet's nodes: from a base port P, node i has p2p P+2i, RPC P+2i+1 and admin
 * P+2N+i; without a base port, ports the operating system reports free right now.
 */
public record PortPlan(int[] p2p, int[] rpc, int[] admin) {

    /** From {@code basePort}; {@code checkFree} refuses a port something on this machine listens on. */
    public static PortPlan fromBase(int nodes, int basePort, boolean checkFree) {
        int last = basePort + 3 * nodes - 1;
        if (basePort < 1 || last > 65_535) {
            throw TestnetFailure.badInput("--base-port " + basePort + ": " + nodes + " nodes need ports "
                    + basePort + ".." + last + ", which must lie within 1..65535");
        }
        int[] p2p = new int[nodes];
        int[] rpc = new int[nodes];
        int[] admin = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            p2p[i] = basePort + 2 * i;
            rpc[i] = basePort + 2 * i + 1;
            admin[i] = basePort + 2 * nodes + i;
        }
        if (checkFree) {
            for (int port = basePort; port <= last; port++) {
                if (!isFree(port)) {
                    throw TestnetFailure.badInput("--base-port " + basePort + ": port " + port
                            + " is already in use on 127.0.0.1; choose another base port");
                }
            }
        }
        return new PortPlan(p2p, rpc, admin);
    }

    /** Ports that are free now: all held open at once, so none is handed out twice. */
    public static PortPlan free(int nodes) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[][] ports = new int[3][nodes];
            for (int[] kind : ports) {
                for (int i = 0; i < nodes; i++) {
                    ServerSocket socket = new ServerSocket();
                    socket.bind(new InetSocketAddress("127.0.0.1", 0));
                    held.add(socket);
                    kind[i] = socket.getLocalPort();
                }
            }
            return new PortPlan(ports[0], ports[1], ports[2]);
        } catch (IOException e) {
            throw TestnetFailure.failed("cannot find free ports on 127.0.0.1: " + e.getMessage(), e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // A probe socket: nothing to recover.
                }
            }
        }
    }

    /** Whether a listener could bind {@code port} on 127.0.0.1 right now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
