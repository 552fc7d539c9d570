package io.cairn.ledger.store;

import io.cairn.crypto.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** Every entry of a store as hex, to compare stores byte for byte. Lower-case hex sorts as unsigned bytes. */
final class StoreDump {
    private StoreDump() {}

    static SortedMap<String, String> all(KeyValueStore kv) {
        return withPrefix(kv, new byte[0]);
    }

    static SortedMap<String, String> withPrefix(KeyValueStore kv, byte... prefix) {
        SortedMap<String, String> dump = new TreeMap<>();
        kv.scan(prefix, (key, value) -> dump.put(Hex.encode(key), Hex.encode(value)));
        return dump;
    }

    /**
     * The keys whose entry differs (missing, extra or another value), at most 20, so a failure
     * says where two large dumps part instead of printing both.
     */
    static List<String> differences(Map<String, String> actual, Map<String, String> expected) {
        TreeSet<String> keys = new TreeSet<>(actual.keySet());
        keys.addAll(expected.keySet());
        List<String> differing = new ArrayList<>();
        for (String key : keys) {
            if (!Objects.equals(actual.get(key), expected.get(key)) && differing.size() < 20) {
                differing.add(describe(key, actual.get(key), expected.get(key)));
            }
        }
        return differing;
    }

    private static String describe(String key, String actual, String expected) {
        String kind = "'" + (char) Integer.parseInt(key.substring(0, 2), 16) + "' " + key;
        if (actual == null) {
            return kind + " is missing";
        }
        return expected == null ? kind + " should not exist" : kind + " holds another value";
    }
}
