package io.cairn.node.config;

import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** The p2p and RPC listen addresses: resolved now, and never the same socket. */
final class ListenAddresses {
    private ListenAddresses() {}

    static InetSocketAddress resolve(NodeConfig config, String field, HostPort address) throws ConfigException {
        try {
            return address.resolveForListening();
        } catch (UnknownHostException e) {
            throw new ConfigException(config.source() + ": " + field + ": cannot resolve host '" + address.host() + "'");
        }
    }

    /** Same port on the same address, or on the wildcard address that covers every address, cannot both bind. */
    static void requireDistinct(NodeConfig config, InetSocketAddress p2p, InetSocketAddress rpc) throws ConfigException {
        boolean overlap = p2p.getPort() == rpc.getPort()
                && (p2p.getAddress().equals(rpc.getAddress())
                        || p2p.getAddress().isAnyLocalAddress()
                        || rpc.getAddress().isAnyLocalAddress());
        if (overlap) {
            throw new ConfigException(config.source() + ": rpc.listen: " + config.rpcListen()
                    + " is the same socket as p2p.listen (" + config.p2pListen() + "); give each its own port");
        }
    }
}
