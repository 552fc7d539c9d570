package io.cairn.node.config;

import io.cairn.crypto.Hash;
import io.cairn.crypto.KeyFile;
import io.cairn.crypto.KeyFileException;
import io.cairn.crypto.KeyPair;
import io.cairn.crypto.Signature;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Validator;
import io.cairn.ledger.genesis.GenesisException;
import io.cairn.ledger.genesis.GenesisFile;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Everything a node needs to start, checked against the genesis and the key: this node's
 * validator index, every peer's index and address, the listen addresses, the limits, and the
 * largest frame this chain can need. Built only by {@link #resolve}, which reads the key and the
 * genesis and writes nothing.
 *
 * <p>Two settings are equal when they describe the same node, whichever file they came from.
 */
public final class NodeSettings {
    /** Room for a frame's own header and what a sync response puts around a block. */
    static final int FRAME_ENVELOPE_BYTES = 64 * 1024;

    private final NodeConfig config;
    private final Genesis genesis;
    private final KeyPair key;
    private final int self;
    private final SortedMap<Integer, InetSocketAddress> peers;
    private final InetSocketAddress p2pListen;
    private final InetSocketAddress rpcListen;
    private final int maxFrameBytes;

    private NodeSettings(NodeConfig config, Genesis genesis, KeyPair key, int self,
            SortedMap<Integer, InetSocketAddress> peers, InetSocketAddress p2pListen, InetSocketAddress rpcListen) {
        this.config = config;
        this.genesis = genesis;
        this.key = key;
        this.self = self;
        this.peers = Collections.unmodifiableSortedMap(peers);
        this.p2pListen = p2pListen;
        this.rpcListen = rpcListen;
        this.maxFrameBytes = maxFrameBytes(genesis);
    }

    /**
     * Reads the genesis and the key the config names and checks the config against them.
     *
     * @throws ConfigException with one line naming the config file and the field at fault
     */
    public static NodeSettings resolve(NodeConfig config) throws ConfigException {
        String source = config.source();
        Genesis genesis = readGenesis(config);
        KeyPair key = readKey(config);
        int self = genesis.validatorIndex(key.publicKey()).orElseThrow(() -> new ConfigException(source
                + ": key: the key " + config.key() + " (public key " + key.publicKey().toHex()
                + ") is not a validator of chain '" + genesis.chainId() + "' in " + config.genesis()));
        SortedMap<Integer, InetSocketAddress> peers = new PeerResolution(config, genesis, self).peers();
        InetSocketAddress p2pListen = ListenAddresses.resolve(config, "p2p.listen", config.p2pListen());
        InetSocketAddress rpcListen = ListenAddresses.resolve(config, "rpc.listen", config.rpcListen());
        ListenAddresses.requireDistinct(config, p2pListen, rpcListen);
        DataDirectory.check(config);
        checkAgainstGenesis(config, genesis);
        return new NodeSettings(config, genesis, key, self, peers, p2pListen, rpcListen);
    }

    /**
     * The largest frame a peer may need to send on this chain: a NEW-VIEW from every validator's
     * view change, each with a commit and a prepared certificate of every validator, carrying
     * the largest block (docs/consensus.md's wire format), plus an envelope. A block with its
     * commit certificate, as block sync sends it, is smaller.
     */
    public static int maxFrameBytes(Genesis genesis) {
        long n = genesis.validators().size();
        long signatures = 2 + n * (2 + Signature.SIZE);
        long vote = 8 + 8 + Hash.SIZE + 2 + Signature.SIZE;
        long commitCertificate = 8 + 8 + Hash.SIZE + signatures;
        long preparedCertificate = vote + signatures;
        long viewChange = 8 + 8 + 1 + commitCertificate + 1 + preparedCertificate + 2 + Signature.SIZE;
        long newView = 1 + 8 + 8 + 2 + n * viewChange + 1 + vote + 2 + Signature.SIZE + 4;
        return Math.toIntExact(genesis.consensus().maxBlockBytes() + newView + FRAME_ENVELOPE_BYTES);
    }

    private static Genesis readGenesis(NodeConfig config) throws ConfigException {
        try {
            return GenesisFile.read(config.genesis());
        } catch (GenesisException e) {
            throw new ConfigException(config.source() + ": genesis: " + e.getMessage(), e);
        }
    }

    private static KeyPair readKey(NodeConfig config) throws ConfigException {
        try {
            return KeyFile.read(config.key());
        } catch (KeyFileException e) {
            throw new ConfigException(config.source() + ": key: " + e.getMessage(), e);
        }
    }

    private static void checkAgainstGenesis(NodeConfig config, Genesis genesis) throws ConfigException {
        int maxFrame = maxFrameBytes(genesis);
        if (config.limits().peerQueueBytes() < maxFrame) {
            throw new ConfigException(config.source() + ": limits.peerQueueBytes: " + config.limits().peerQueueBytes()
                    + " is less than the largest frame of chain '" + genesis.chainId() + "' (" + maxFrame
                    + " bytes); set it to at least that");
        }
        long timeout = genesis.consensus().viewChangeTimeoutMillis();
        if (config.consensus().tickMillis() > timeout) {
            throw new ConfigException(config.source() + ": consensus.tickMillis: " + config.consensus().tickMillis()
                    + " is longer than the view-change timeout of chain '" + genesis.chainId() + "' (" + timeout + " ms)");
        }
    }

    public NodeConfig config() {
        return config;
    }

    public Genesis genesis() {
        return genesis;
    }

    /** This node's key; its {@code toString} never shows the secret. */
    public KeyPair key() {
        return key;
    }

    /** This node's index among the genesis validators. */
    public int self() {
        return self;
    }

    public Validator selfValidator() {
        return genesis.validators().get(self);
    }

    /** The configured peers by validator index, in index order; a host name stays unresolved. */
    public Map<Integer, InetSocketAddress> peers() {
        return peers;
    }

    public InetSocketAddress p2pListen() {
        return p2pListen;
    }

    public InetSocketAddress rpcListen() {
        return rpcListen;
    }

    public Path dataDir() {
        return config.dataDir();
    }

    public Limits limits() {
        return config.limits();
    }

    public ConsensusOptions consensus() {
        return config.consensus();
    }

    /** The largest p2p frame to send or accept, from {@link #maxFrameBytes(Genesis)}. */
    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    /** The chain's view-change timeout in ticks of {@link ConsensusOptions#tickMillis()}, rounded up. */
    public int timeoutTicks() {
        long tick = consensus().tickMillis();
        return Math.toIntExact((genesis.consensus().viewChangeTimeoutMillis() + tick - 1) / tick);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeSettings other
                && genesis.equals(other.genesis)
                && key.equals(other.key)
                && self == other.self
                && peers.equals(other.peers)
                && p2pListen.equals(other.p2pListen)
                && rpcListen.equals(other.rpcListen)
                && dataDir().equals(other.dataDir())
                && limits().equals(other.limits())
                && consensus().equals(other.consensus());
    }

    @Override
    public int hashCode() {
        return Objects.hash(genesis, key, self, peers, p2pListen, rpcListen, dataDir(), limits(), consensus());
    }

    @Override
    public String toString() {
        return "NodeSettings[chain=" + genesis.chainId() + ", self=" + self + " (" + selfValidator().name()
                + "), p2p=" + config.p2pListen() + ", rpc=" + config.rpcListen() + ", peers=" + config.peers()
                + ", dataDir=" + dataDir() + "]";
    }
}
