package io.cairn.rpc.ws;

import io.cairn.rpc.jsonrpc.RpcError;
import io.cairn.rpc.jsonrpc.RpcException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a client can subscribe to, by the name it sends. */
enum Topic {
    NEW_BLOCKS("newBlocks"),
    NEW_TRANSACTIONS("newTransactions"),
    /** One transaction, named by its hash: pending once admitted, then committed, and then the subscription ends. */
    TX_STATUS("txStatus"),
    CONSENSUS("consensus");

    private static final String NAMES = Arrays.stream(values()).map(topic -> topic.name)
            .collect(Collectors.joining(", "));

    private final String name;

    Topic(String name) {
        this.name = name;
    }

    String jsonName() {
        return name;
    }

    /** The topic {@code name} names, or -32602 listing the topics. */
    static Topic parse(String name) throws RpcException {
        for (Topic topic : values()) {
            if (topic.name.equals(name)) {
                return topic;
            }
        }
        throw new RpcException(RpcError.invalidParam("topic", "must be one of " + NAMES + ", got '" + shown(name) + "'"));
    }

    private static String shown(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "...";
    }
}
