package io.cairn.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.cairn.crypto.Hash;
import io.cairn.ledger.Block;
import io.cairn.ledger.store.BlockStore;
import io.cairn.rpc.api.NodeApi;
import io.cairn.rpc.json.BlockJson;
import io.cairn.rpc.json.NodeJson;
import io.cairn.rpc.jsonrpc.Params;
import io.cairn.rpc.jsonrpc.RpcError;
import io.cairn.rpc.jsonrpc.RpcException;
import java.util.Optional;

/** {@code chain_*}: committed blocks and the validator set. */
final class ChainMethods {
    static final String LATEST = "latest";

    private final NodeApi node;
    private final Hash genesisHash;

    ChainMethods(NodeApi node) {
        this.node = node;
        this.genesisHash = node.genesis().hash();
    }

    JsonNode validators(Params params) {
        return NodeJson.validators(node.genesis());
    }

    /** By {@code height} (a number or "latest") or by {@code hash}; null when there is no such block. */
    JsonNode block(Params params) throws RpcException {
        BlockStore blocks = node.blocks();
        long height;
        if (params.oneOf("height", "hash").equals("hash")) {
            Hash hash = params.hash("hash");
            if (hash.equals(genesisHash)) {
                return BlockJson.genesis(genesisHash);
            }
            Optional<Long> found = blocks.heightOf(hash);
            if (found.isEmpty()) {
                return NullNode.getInstance();
            }
            height = found.get();
        } else {
            height = heightOrLatest(params, blocks);
        }
        if (height == 0) {
            return BlockJson.genesis(genesisHash);
        }
        Optional<Block> block = blocks.block(height);
        return block.isEmpty() ? NullNode.getInstance() : BlockJson.of(block.get(), blocks.certificate(height));
    }

    private static long heightOrLatest(Params params, BlockStore blocks) throws RpcException {
        JsonNode value = params.required("height");
        if (value.isTextual()) {
            if (!value.textValue().equals(LATEST)) {
                throw new RpcException(RpcError.invalidParam("height",
                        "must be a non-negative integer or \"" + LATEST + "\", got \"" + value.textValue() + "\""));
            }
            return blocks.head().height();
        }
        return params.nonNegativeLong("height");
    }
}
