package io.cairn.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import io.cairn.crypto.Hash;
import io.cairn.ledger.Block;
import io.cairn.ledger.BlockHeader;
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
    static final int MAX_HEADERS = 100;
    static final int DEFAULT_HEADERS = 20;

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
            height = heightOrLatest(params, "height", blocks);
        }
        if (height == 0) {
            return BlockJson.genesis(genesisHash);
        }
        Optional<Block> block = blocks.block(height);
        return block.isEmpty() ? NullNode.getInstance() : BlockJson.of(block.get(), blocks.certificate(height));
    }

    /**
     * Headers newest first: from {@code from} (a height or "latest", default the head; a height
     * above the head starts at the head) down to block 1, at most {@code limit} of them.
     */
    JsonNode blocks(Params params) throws RpcException {
        BlockStore blocks = node.blocks();
        long head = blocks.head().height();
        long from = params.has("from") ? Math.min(heightOrLatest(params, "from", blocks), head) : head;
        int limit = params.has("limit") ? params.intInRange("limit", 1, MAX_HEADERS) : DEFAULT_HEADERS;
        ArrayNode json = JsonNodeFactory.instance.arrayNode();
        for (long height = from; height >= 1 && json.size() < limit; height--) {
            long at = height;
            BlockHeader header = blocks.header(at).orElseThrow(() -> new IllegalStateException(
                    "header " + at + " is missing below the head at " + head));
            json.add(BlockJson.summary(header));
        }
        return json;
    }

    private static long heightOrLatest(Params params, String name, BlockStore blocks) throws RpcException {
        JsonNode value = params.required(name);
        if (value.isTextual()) {
            if (!value.textValue().equals(LATEST)) {
                throw new RpcException(RpcError.invalidParam(name,
                        "must be a non-negative integer or \"" + LATEST + "\", got \"" + value.textValue() + "\""));
            }
            return blocks.head().height();
        }
        return params.nonNegativeLong(name);
    }
}
