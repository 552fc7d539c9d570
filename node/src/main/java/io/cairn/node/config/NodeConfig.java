package io.cairn.node.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a node's config file says, every field checked on its own, paths resolved against the
 * file's directory. {@link NodeSettings#resolve} then checks it against the genesis and the key.
 *
 * @param file the config file, as given; error messages start with it
 * @param key the node's Ed25519 key file (PKCS#8 PEM, owner-only)
 * @param dataDir where the node keeps its LevelDB store and consensus state
 * @param genesis the genesis file of the chain
 * @param p2pListen where the node accepts connections from other validators
 * @param peers the other validators and where to reach them, in file order
 * @param rpcListen where the node serves JSON-RPC, the explorer and metrics
 * @param testnetAdminListen where a node started for a testnet serves its fault-injection admin
 *     (always a loopback address); empty, and no admin at all, otherwise
 */
public record NodeConfig(
        Path file,
        Path key,
        Path dataDir,
        Path genesis,
        HostPort p2pListen,
        List<PeerAddress> peers,
        HostPort rpcListen,
        Limits limits,
        ConsensusOptions consensus,
        Optional<HostPort> testnetAdminListen) {

    public NodeConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(genesis, "genesis");
        Objects.requireNonNull(p2pListen, "p2pListen");
        peers = List.copyOf(peers);
        Objects.requireNonNull(rpcListen, "rpcListen");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(consensus, "consensus");
        Objects.requireNonNull(testnetAdminListen, "testnetAdminListen");
    }

    /** A config without the testnet section, as on every real network. */
    public NodeConfig(Path file, Path key, Path dataDir, Path genesis, HostPort p2pListen, List<PeerAddress> peers,
            HostPort rpcListen, Limits limits, ConsensusOptions consensus) {
        this(file, key, dataDir, genesis, p2pListen, peers, rpcListen, limits, consensus, Optional.empty());
    }

    /**
     * Reads a config file, JSON ({@code .json}) or YAML ({@code .yaml}, {@code .yml}). Reads only:
     * nothing is created or written.
     *
     * @throws ConfigException with one line naming the file and the first wrong or missing field
     */
    public static NodeConfig load(Path file) throws ConfigException {
        return ConfigReader.read(file);
    }

    /** The file as named in error messages. */
    public String source() {
        return file.toString();
    }
}
