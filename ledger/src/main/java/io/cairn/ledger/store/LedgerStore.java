package io.cairn.ledger.store;

import io.cairn.crypto.Hash;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Account;
import io.cairn.ledger.Block;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.ChainHead;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Receipt;
import io.cairn.ledger.Transaction;
import io.cairn.crypto.encoding.DecodeException;
import io.cairn.ledger.codec.StateCodec;
import io.cairn.ledger.codec.StateCodec.TransactionLocation;
import io.cairn.ledger.state.ExecutionResult;
import io.cairn.ledger.state.GenesisState;
import io.cairn.ledger.state.StateChanges;
import io.cairn.ledger.store.AccountTransaction.Cursor;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's chain on a {@link KeyValueStore}: blocks, certificates, the transaction index and the
 * state. One thread commits; any thread reads. Each commit is one synced batch.
 */
public final class LedgerStore implements BlockStore, StateStore, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LedgerStore.class);

    private final KeyValueStore kv;
    private final Genesis genesis;
    private volatile ChainHead head;

    private LedgerStore(KeyValueStore kv, Genesis genesis, ChainHead head) {
        this.kv = kv;
        this.genesis = genesis;
        this.head = head;
    }

    /**
     * Opens the chain of {@code genesis} on {@code kv}: an empty store is initialised with the
     * genesis state; a used one must belong to this genesis and have a head its blocks confirm.
     * On any doubt the store is closed and refused.
     */
    public static LedgerStore open(KeyValueStore kv, Genesis genesis) throws StoreCorruptedException {
        try {
            ChainHead head = kv.get(StoreLayout.GENESIS).isEmpty()
                    ? initialise(kv, genesis)
                    : new StoreCheck(kv, genesis).verifiedHead();
            log.info("Opened {} at height {} (head {})", kv.describe(), head.height(), head.blockHash());
            return new LedgerStore(kv, genesis, head);
        } catch (StoreCorruptedException | RuntimeException e) {
            kv.close();
            throw e;
        }
    }

    private static ChainHead initialise(KeyValueStore kv, Genesis genesis) throws StoreCorruptedException {
        boolean[] hasData = {false};
        kv.scan(new byte[0], (key, value) -> hasData[0] = true);
        if (hasData[0]) {
            throw new StoreCorruptedException(kv.describe() + " holds data but no genesis marker: it was not"
                    + " written by Cairn, or it is damaged. Point the node at an empty directory.");
        }
        ChainHead head = GenesisState.head(genesis);
        WriteBatch batch = new WriteBatch()
                .put(StoreLayout.SCHEMA, StoreLayout.u32(StoreLayout.SCHEMA_VERSION))
                .put(StoreLayout.GENESIS, genesis.hash().toByteArray())
                .put(StoreLayout.HEAD, StoreLayout.head(0, head.blockHash()));
        putState(batch, GenesisState.changes(genesis));
        kv.write(batch, true);
        log.info("Initialised {} for chain '{}' (genesis {})", kv.describe(), genesis.chainId(), head.blockHash());
        return head;
    }

    public Genesis genesis() {
        return genesis;
    }

    /**
     * Makes {@code block} the new head: block, header, certificate, receipts, account index,
     * state changes and head in one synced batch. The caller has verified and executed the block on this head.
     */
    public synchronized void commit(Block block, CommitCertificate certificate, ExecutionResult execution) {
        ChainHead current = head;
        BlockHeader header = block.header();
        Hash hash = header.hash();
        checkArgument(header.height() == current.height() + 1 && header.parentHash().equals(current.blockHash()),
                "block " + header.height() + " does not extend the head at height " + current.height());
        checkArgument(certificate.height() == header.height() && certificate.blockHash().equals(hash),
                "the certificate is for another block");
        checkArgument(execution.height() == header.height() && execution.stateRoot().equals(header.stateRoot())
                && execution.receipts().size() == block.transactions().size(),
                "the execution result is not this block's");

        WriteBatch batch = new WriteBatch()
                .put(StoreLayout.byHeight(StoreLayout.BLOCK, header.height()), block.encode())
                .put(StoreLayout.byHeight(StoreLayout.HEADER, header.height()), header.encode())
                .put(StoreLayout.byHeight(StoreLayout.CERTIFICATE, header.height()), certificate.encode())
                .put(StoreLayout.byHash(StoreLayout.HEIGHT_BY_HASH, hash), StoreLayout.u64(header.height()));
        for (Receipt receipt : execution.receipts()) {
            batch.put(StoreLayout.byHash(StoreLayout.TRANSACTION, receipt.transactionHash()), StateCodec.encodeLocation(
                    new TransactionLocation(receipt.height(), receipt.index(), receipt.outcome())));
        }
        AccountIndex.put(batch, block, execution.receipts());
        putState(batch, execution.changes());
        batch.put(StoreLayout.HEAD, StoreLayout.head(header.height(), hash));
        kv.write(batch, true);
        head = ChainHead.of(header);
    }

    /**
     * Stores what consensus must remember across a crash (its votes and view at the current
     * height), synced, replacing what was there. The node calls it before any vote leaves.
     */
    public void saveConsensusState(byte[] state) {
        kv.write(new WriteBatch().put(StoreLayout.CONSENSUS, state), true);
    }

    /** What {@link #saveConsensusState} stored last, if anything. */
    public Optional<byte[]> consensusState() {
        return kv.get(StoreLayout.CONSENSUS);
    }

    @Override
    public ChainHead head() {
        return head;
    }

    @Override
    public Optional<Block> block(long height) {
        return read(StoreLayout.byHeight(StoreLayout.BLOCK, height), "block " + height, Block::decode);
    }

    @Override
    public Optional<BlockHeader> header(long height) {
        return read(StoreLayout.byHeight(StoreLayout.HEADER, height), "header " + height, BlockHeader::decode);
    }

    @Override
    public Optional<Long> heightOf(Hash blockHash) {
        return kv.get(StoreLayout.byHash(StoreLayout.HEIGHT_BY_HASH, blockHash))
                .map(bytes -> ByteBuffer.wrap(bytes).getLong());
    }

    @Override
    public Optional<CommitCertificate> certificate(long height) {
        return read(StoreLayout.byHeight(StoreLayout.CERTIFICATE, height), "certificate " + height,
                CommitCertificate::decode);
    }

    @Override
    public Optional<Receipt> receipt(Hash transactionHash) {
        return read(StoreLayout.byHash(StoreLayout.TRANSACTION, transactionHash), "transaction " + transactionHash,
                StateCodec::decodeLocation)
                .map(at -> new Receipt(transactionHash, at.height(), at.index(), at.outcome()));
    }

    @Override
    public Optional<Transaction> transaction(Hash transactionHash) {
        return receipt(transactionHash).flatMap(receipt -> block(receipt.height())
                .map(block -> block.transactions().get(receipt.index())));
    }

    @Override
    public List<AccountTransaction> transactionsOf(PublicKey account, Optional<Cursor> before, int limit) {
        checkArgument(limit >= 1, "the limit must be at least 1, got " + limit);
        byte[] prefix = StoreLayout.accountTransactions(account);
        byte[] from = before.map(cursor -> StoreLayout.accountTransaction(account, cursor.height(), cursor.index()))
                .orElse(prefix);
        List<byte[]> keys = new ArrayList<>();
        List<byte[]> hashes = new ArrayList<>();
        kv.scanFrom(prefix, from, (key, value) -> {
            if (!Arrays.equals(key, from)) { // strictly before the cursor
                keys.add(key);
                hashes.add(value);
            }
            return keys.size() < limit;
        });
        List<AccountTransaction> found = new ArrayList<>(keys.size());
        Map<Long, Block> blocks = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            found.add(indexed(account, keys.get(i), hashes.get(i), blocks));
        }
        return found;
    }

    /** The transaction an account index entry names, checked against its receipt; blocks are read once. */
    private AccountTransaction indexed(PublicKey account, byte[] key, byte[] hashBytes, Map<Long, Block> blocks) {
        if (key.length != StoreLayout.ACCOUNT_TRANSACTION_KEY_BYTES || hashBytes.length != Hash.SIZE) {
            throw new StorageException("an account index entry of " + account + " in " + kv.describe()
                    + " is damaged: its key or value has the wrong length");
        }
        long height = StoreLayout.accountTransactionHeight(key);
        int index = StoreLayout.accountTransactionIndex(key);
        String entry = "account index entry of " + account + " at height " + height + " index " + index + " in "
                + kv.describe();
        Hash hash = Hash.wrap(hashBytes);
        Receipt receipt = receipt(hash).filter(found -> found.height() == height && found.index() == index)
                .orElseThrow(() -> new StorageException("the " + entry + " names transaction " + hash
                        + ", whose receipt is not at that place"));
        Block block = blocks.computeIfAbsent(height, at -> block(at).orElseThrow(() -> new StorageException(
                "the " + entry + " names block " + at + ", which the store lacks")));
        if (index >= block.transactions().size()) {
            throw new StorageException("the " + entry + " is past the end of block " + height);
        }
        return new AccountTransaction(receipt, block.transactions().get(index));
    }

    @Override
    public Optional<Account> account(PublicKey key) {
        return read(StoreLayout.state(StateCodec.accountKey(key)), "account " + key, StateCodec::decodeAccount);
    }

    @Override
    public Optional<byte[]> data(PublicKey owner, byte[] key) {
        return kv.get(StoreLayout.state(StateCodec.dataKey(owner, key)));
    }

    @Override
    public void close() {
        kv.close();
    }

    private static void putState(WriteBatch batch, StateChanges changes) {
        for (Map.Entry<byte[], byte[]> write : changes.writes().entrySet()) {
            batch.put(StoreLayout.state(write.getKey()), write.getValue());
        }
    }

    interface Decoder<T> {
        T decode(byte[] bytes) throws DecodeException;
    }

    private <T> Optional<T> read(byte[] key, String what, Decoder<T> decoder) {
        Optional<byte[]> bytes = kv.get(key);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(decoder.decode(bytes.get()));
        } catch (DecodeException e) {
            throw new StorageException("stored " + what + " in " + kv.describe() + " is damaged: " + e.getMessage(), e);
        }
    }

    private static void checkArgument(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
