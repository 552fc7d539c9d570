package io.cairn.node.cli;

import io.cairn.node.client.JsonRpcClient;
import io.cairn.node.client.NodeClient;
import java.net.URI;
import picocli.CommandLine.Option;

/** {@code --rpc URL}: the node a client command talks to; the environment's CAIRN_RPC, else the local default. */
final class RpcOption {
    @Option(names = "--rpc", paramLabel = "URL", converter = ArgumentTypes.RpcUrl.class,
            defaultValue = "${env:CAIRN_RPC:-" + JsonRpcClient.DEFAULT_URL + "}",
            description = {"the node's JSON-RPC URL; /rpc is added to a URL without a path",
                "(default: $CAIRN_RPC, else " + JsonRpcClient.DEFAULT_URL + ")"})
    URI endpoint;

    NodeClient node() {
        return new NodeClient(new JsonRpcClient(endpoint));
    }
}
