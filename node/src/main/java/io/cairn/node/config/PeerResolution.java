package io.cairn.node.config;

import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Validator;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Maps each {@code p2p.peers} entry to a genesis validator: by name, or by public key in hex. */
final class PeerResolution {
    private static final Pattern PUBLIC_KEY_HEX = Pattern.compile("[0-9A-Fa-f]{" + 2 * PublicKey.SIZE + "}");
    /** How many validator names an error lists before it stops. */
    private static final int NAMES_SHOWN = 8;

    private final NodeConfig config;
    private final Genesis genesis;
    private final int self;

    PeerResolution(NodeConfig config, Genesis genesis, int self) {
        this.config = config;
        this.genesis = genesis;
        this.self = self;
    }

    SortedMap<Integer, InetSocketAddress> peers() throws ConfigException {
        SortedMap<Integer, InetSocketAddress> peers = new TreeMap<>();
        Map<Integer, Integer> entryOfValidator = new HashMap<>();
        Map<HostPort, Integer> entryOfAddress = new HashMap<>();
        List<PeerAddress> entries = config.peers();
        for (int i = 0; i < entries.size(); i++) {
            PeerAddress entry = entries.get(i);
            int validator = validatorIndex(i, entry);
            if (validator == self) {
                throw fail(i, ConfigField.quote(entry.validator()) + " is this node itself (the validator of key "
                        + config.key().getFileName() + ")");
            }
            Integer earlier = entryOfValidator.putIfAbsent(validator, i);
            if (earlier != null) {
                throw fail(i, "validator '" + genesis.validators().get(validator).name()
                        + "' is also p2p.peers[" + earlier + "]");
            }
            Integer sameAddress = entryOfAddress.putIfAbsent(entry.address(), i);
            if (sameAddress != null) {
                throw fail(i, "address " + entry.address() + " is also that of p2p.peers[" + sameAddress + "]");
            }
            peers.put(validator, entry.address().toSocketAddress());
        }
        return peers;
    }

    private int validatorIndex(int entry, PeerAddress peer) throws ConfigException {
        String id = peer.validator();
        OptionalInt index = PUBLIC_KEY_HEX.matcher(id).matches()
                ? genesis.validatorIndex(PublicKey.fromHex(id))
                : byName(id);
        if (index.isEmpty()) {
            throw fail(entry, ConfigField.quote(id) + " is not a validator of chain '" + genesis.chainId()
                    + "'; its validators are " + names());
        }
        return index.getAsInt();
    }

    private OptionalInt byName(String name) {
        List<Validator> validators = genesis.validators();
        for (int i = 0; i < validators.size(); i++) {
            if (validators.get(i).name().equals(name)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    private String names() {
        List<Validator> validators = genesis.validators();
        String shown = validators.stream().limit(NAMES_SHOWN).map(Validator::name).collect(Collectors.joining(", "));
        return validators.size() > NAMES_SHOWN ? shown + ", ... (" + validators.size() + " in all)" : shown;
    }

    private ConfigException fail(int entry, String problem) {
        return new ConfigException(config.source() + ": p2p.peers[" + entry + "]: " + problem);
    }
}
