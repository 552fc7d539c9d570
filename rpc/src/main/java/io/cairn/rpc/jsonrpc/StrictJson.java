package io.cairn.rpc.jsonrpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson configuration of the RPC: strict JSON only (no comments, NaN or trailing
 * tokens, no duplicate keys), and numbers read exactly (big integers and decimals stay big, so a
 * huge number reaches the parameter check instead of overflowing or rounding on the way in).
 */
public final class StrictJson {
    /** A JSON-RPC request needs a few levels (batch, request, params, value); deeper is an attack. */
    private static final int MAX_NESTING_DEPTH = 32;

    private StrictJson() {}

    public static ObjectMapper mapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                .build();
        return JsonMapper.builder(factory)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                // Ids are echoed as they came: 1.50 stays 1.50.
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }
}
