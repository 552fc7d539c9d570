package io.cairn.rpc;

import io.cairn.crypto.Hash;
import io.cairn.crypto.encoding.DecodeException;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.state.ProposedBlock;
import io.cairn.ledger.state.Rejection;
import io.cairn.ledger.state.TransactionRules;
import io.cairn.ledger.store.BlockStore;
import io.cairn.ledger.store.InMemoryKeyValueStore;
import io.cairn.ledger.store.LedgerStore;
import io.cairn.ledger.store.StateStore;
import io.cairn.ledger.testing.TestChain;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import io.cairn.rpc.api.Health;
import io.cairn.rpc.api.NodeApi;
import io.cairn.rpc.api.NodeEvent;
import io.cairn.rpc.api.NodeStatus;
import io.cairn.rpc.api.PeerInfo;
import io.cairn.rpc.api.SubmitResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A node for the RPC to talk to: a committed chain in an in-memory store, each block with a
 * certificate signed as consensus signs, and a mempool that admits by the ledger's own rules
 * (a real node also keeps a nonce window and size limits).
 */
final class InMemoryNode implements NodeApi, AutoCloseable {
    static final int VALIDATORS = 4;
    static final int ACCOUNTS = 5;
    static final int BLOCKS = 3;
    private final List<Consumer<NodeEvent>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile Health health = new Health(true, "consensus", "in consensus at height " + BLOCKS);
    static final int TRANSACTIONS_PER_BLOCK = 6;

    private final Genesis genesis = TestGenesis.of(VALIDATORS, ACCOUNTS);
    private final LedgerStore store;
    private final TransactionRules rules = new TransactionRules(genesis);
    private final Map<Hash, Transaction> mempool = new ConcurrentHashMap<>();
    private volatile RuntimeException peersFailure;
    private volatile RuntimeException metricsFailure;
    private volatile RuntimeException submitAllFailure;
    private final AtomicInteger singleSubmissions = new AtomicInteger();
    private final List<List<byte[]>> batchSubmissions = new CopyOnWriteArrayList<>();

    InMemoryNode() {
        try {
            store = LedgerStore.open(new InMemoryKeyValueStore(), genesis);
        } catch (Exception e) {
            throw new IllegalStateException("an empty in-memory store must open", e);
        }
        TestChain chain = new TestChain(genesis, 42);
        for (int i = 0; i < BLOCKS; i++) {
            ProposedBlock next = chain.nextBlock(store.head(), store, TRANSACTIONS_PER_BLOCK);
            store.commit(next.block(), SignedCertificates.certify(genesis, next.block()), next.execution());
        }
    }

    LedgerStore store() {
        return store;
    }

    /** What the mempool holds now; tests check that bad input never adds to it. */
    Map<Hash, Transaction> mempool() {
        return Map.copyOf(mempool);
    }

    void clearMempool() {
        mempool.clear();
    }

    /** Makes {@link #peers()} throw, as a node bug would. */
    void failPeersWith(RuntimeException failure) {
        peersFailure = failure;
    }

    @Override
    public Genesis genesis() {
        return genesis;
    }

    @Override
    public BlockStore blocks() {
        return store;
    }

    @Override
    public StateStore state() {
        return store;
    }

    @Override
    public SubmitResult submit(byte[] encodedTransaction) {
        singleSubmissions.incrementAndGet();
        return admit(encodedTransaction);
    }

    /** Admits in order, as a real node's mempool does in one pass; counted apart from {@link #submit}. */
    @Override
    public List<SubmitResult> submitAll(List<byte[]> encodedTransactions) {
        RuntimeException failure = submitAllFailure;
        if (failure != null) {
            throw failure;
        }
        batchSubmissions.add(encodedTransactions.stream().map(byte[]::clone).toList());
        return encodedTransactions.stream().map(this::admit).toList();
    }

    /** How many times {@link #submit} was called. */
    int singleSubmissions() {
        return singleSubmissions.get();
    }

    /** The transactions of each {@link #submitAll} call, in the order of the calls. */
    List<List<byte[]>> batchSubmissions() {
        return List.copyOf(batchSubmissions);
    }

    void forgetSubmissions() {
        singleSubmissions.set(0);
        batchSubmissions.clear();
    }

    /** From now on submitAll() throws {@code failure}, admitting nothing; null to stop. */
    void failSubmitAllWith(RuntimeException failure) {
        submitAllFailure = failure;
    }

    private SubmitResult admit(byte[] encodedTransaction) {
        Transaction tx;
        try {
            tx = Transaction.decode(encodedTransaction);
        } catch (DecodeException e) {
            return new SubmitResult.Refused("malformed", "the transaction does not decode: " + e.getMessage());
        }
        Optional<Rejection> rejection = rules.check(tx, store);
        if (rejection.isPresent()) {
            return new SubmitResult.Refused(rejection.get().reason().code(), rejection.get().message());
        }
        if (mempool.putIfAbsent(tx.hash(), tx) != null) {
            return new SubmitResult.Refused("duplicate", "the transaction is already in the mempool");
        }
        return new SubmitResult.Admitted(tx.hash());
    }

    @Override
    public Optional<Transaction> pending(Hash transactionHash) {
        return Optional.ofNullable(mempool.get(transactionHash));
    }

    @Override
    public NodeStatus status() {
        var head = store.head();
        long bytes = mempool.values().stream().mapToLong(Transaction::encodedSize).sum();
        return new NodeStatus(genesis.chainId(), TestKeys.validator(0).publicKey(), 0, head.height(), head.blockHash(),
                head.stateRoot(), 7, 3, VALIDATORS - 1, false, mempool.size(), bytes);
    }

    @Override
    public AutoCloseable subscribe(Consumer<NodeEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Hands {@code event} to every subscriber, as the node does on its own threads. */
    void publish(NodeEvent event) {
        listeners.forEach(listener -> listener.accept(event));
    }

    @Override
    public Health health() {
        return health;
    }

    @Override
    public String metrics() {
        RuntimeException failure = metricsFailure;
        if (failure != null) {
            throw failure;
        }
        return "# TYPE cairn_height gauge\ncairn_height " + BLOCKS + "\n";
    }

    /** From now on metrics() throws {@code failure}; null to stop. */
    void failMetricsWith(RuntimeException failure) {
        metricsFailure = failure;
    }

    @Override
    public List<PeerInfo> peers() {
        RuntimeException failure = peersFailure;
        if (failure != null) {
            throw failure;
        }
        List<PeerInfo> peers = new ArrayList<>();
        for (int i = 1; i < VALIDATORS; i++) {
            peers.add(new PeerInfo(i, genesis.validators().get(i).name(), TestKeys.validator(i).publicKey(),
                    "127.0.0.1:" + (26_600 + i), i != 3, i == 3 ? 1 : BLOCKS));
        }
        return peers;
    }

    @Override
    public void close() {
        store.close();
    }
}
