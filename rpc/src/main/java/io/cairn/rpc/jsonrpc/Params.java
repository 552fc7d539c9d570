package io.cairn.rpc.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.crypto.Hash;
import io.cairn.crypto.Hex;
import io.cairn.crypto.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of one call, bound to the method's names whether they came by name (an object)
 * or by position (an array). A JSON null counts as not given, so a positional call can skip an
 * optional parameter. Every getter fails with -32602 naming the parameter.
 */
public final class Params {
    private static final int SHOWN_VALUE_CHARS = 40;

    private final Map<String, JsonNode> values;

    private Params(Map<String, JsonNode> values) {
        this.values = values;
    }

    /** Binds {@code params} (absent, an object or an array: the dispatcher checked that) to {@code names}. */
    static Params bind(List<String> names, JsonNode params) throws RpcException {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        if (params != null && params.isArray()) {
            if (params.size() > names.size()) {
                throw new RpcException(RpcError.invalidParams("expected at most " + names.size()
                        + " parameters " + names + ", got " + params.size()));
            }
            for (int i = 0; i < params.size(); i++) {
                values.put(names.get(i), params.get(i));
            }
        } else if (params != null) {
            for (Map.Entry<String, JsonNode> field : params.properties()) {
                if (!names.contains(field.getKey())) {
                    throw new RpcException(RpcError.invalidParam(field.getKey(), "is not a parameter of this method ("
                            + (names.isEmpty() ? "it takes none" : "it takes " + String.join(", ", names)) + ")"));
                }
                values.put(field.getKey(), field.getValue());
            }
        }
        return new Params(values);
    }

    /** True when {@code name} was given a value other than null. */
    public boolean has(String name) {
        JsonNode value = values.get(name);
        return value != null && !value.isNull();
    }

    public JsonNode required(String name) throws RpcException {
        JsonNode value = values.get(name);
        if (value == null) {
            throw new RpcException(RpcError.invalidParam(name, "is missing"));
        }
        if (value.isNull()) {
            throw new RpcException(RpcError.invalidParam(name, "must not be null"));
        }
        return value;
    }

    public String text(String name) throws RpcException {
        JsonNode value = required(name);
        if (!value.isTextual()) {
            throw new RpcException(RpcError.invalidParam(name, "must be a string, got " + shown(value)));
        }
        return value.textValue();
    }

    /** An integer from 0 to 2^63 - 1; anything else, however large or fractional, is invalid. */
    public long nonNegativeLong(String name) throws RpcException {
        JsonNode value = required(name);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new RpcException(RpcError.invalidParam(name,
                    "must be an integer from 0 to " + Long.MAX_VALUE + ", got " + shown(value)));
        }
        return value.longValue();
    }

    /** An integer from {@code min} to {@code max}; anything else, however large or fractional, is invalid. */
    public int intInRange(String name, int min, int max) throws RpcException {
        JsonNode value = required(name);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            throw new RpcException(RpcError.invalidParam(name,
                    "must be an integer from " + min + " to " + max + ", got " + shown(value)));
        }
        return value.intValue();
    }

    /** Bytes as hex (either case, no prefix), at least one byte. */
    public byte[] hexBytes(String name) throws RpcException {
        String hex = text(name);
        if (hex.isEmpty()) {
            throw new RpcException(RpcError.invalidParam(name, "must not be empty"));
        }
        try {
            return Hex.decode(hex);
        } catch (IllegalArgumentException e) {
            throw new RpcException(RpcError.invalidParam(name, "is not valid hex: " + e.getMessage()));
        }
    }

    public Hash hash(String name) throws RpcException {
        String hex = text(name);
        try {
            return Hash.fromHex(hex);
        } catch (IllegalArgumentException e) {
            throw new RpcException(RpcError.invalidParam(name, "is not a hash: " + e.getMessage()));
        }
    }

    public PublicKey publicKey(String name) throws RpcException {
        String hex = text(name);
        try {
            return PublicKey.fromHex(hex);
        } catch (IllegalArgumentException e) {
            throw new RpcException(RpcError.invalidParam(name, "is not a public key: " + e.getMessage()));
        }
    }

    /** Exactly one of two alternative parameters must be given; returns the one that is. */
    public String oneOf(String first, String second) throws RpcException {
        if (has(first) == has(second)) {
            throw new RpcException(RpcError.invalidParams("give exactly one of '" + first + "' and '" + second + "'"));
        }
        return has(first) ? first : second;
    }

    private static String shown(JsonNode value) {
        String text = value.toString();
        return text.length() <= SHOWN_VALUE_CHARS ? text : text.substring(0, SHOWN_VALUE_CHARS) + "...";
    }
}
