package io.cairn.rpc.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Validator;
import io.cairn.rpc.api.NodeStatus;
import io.cairn.rpc.api.PeerInfo;
import java.util.List;

/** The node's live state, its peers and the validator set, as the API shows them. */
public final class NodeJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private NodeJson() {}

    public static ObjectNode status(NodeStatus status) {
        return JSON.objectNode()
                .put("chainId", status.chainId())
                .put("nodeId", status.nodeId().toHex())
                .put("validatorIndex", status.validatorIndex())
                .put("height", status.height())
                .put("headHash", status.headHash().toHex())
                .put("stateRoot", status.stateRoot().toHex())
                .put("view", status.view())
                .put("primary", status.primary())
                .put("peers", status.peers())
                .put("syncing", status.syncing())
                .put("mempoolSize", status.mempoolSize())
                .put("mempoolBytes", status.mempoolBytes());
    }

    public static ArrayNode peers(List<PeerInfo> peers) {
        ArrayNode json = JSON.arrayNode();
        for (PeerInfo peer : peers) {
            json.addObject()
                    .put("validator", peer.validator())
                    .put("name", peer.name())
                    .put("publicKey", peer.publicKey().toHex())
                    .put("address", peer.address())
                    .put("connected", peer.connected())
                    .put("lastSeenHeight", peer.lastSeenHeight());
        }
        return json;
    }

    /** The validators of genesis with their index, which commit certificates name them by. */
    public static ArrayNode validators(Genesis genesis) {
        ArrayNode json = JSON.arrayNode();
        List<Validator> validators = genesis.validators();
        for (int i = 0; i < validators.size(); i++) {
            json.addObject()
                    .put("index", i)
                    .put("name", validators.get(i).name())
                    .put("publicKey", validators.get(i).publicKey().toHex());
        }
        return json;
    }
}
