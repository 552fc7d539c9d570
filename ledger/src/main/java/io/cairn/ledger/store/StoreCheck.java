package io.cairn.ledger.store;

import io.cairn.crypto.Hash;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Block;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.ChainHead;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Transaction;
import io.cairn.crypto.encoding.DecodeException;
import io.cairn.ledger.state.GenesisState;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The checks on opening a used store: same schema, same genesis, and a head that its block,
 * header, certificate, hash index, account index and parent all confirm, with nothing written
 * above it.
 */
final class StoreCheck {
    private final KeyValueStore kv;
    private final Genesis genesis;

    StoreCheck(KeyValueStore kv, Genesis genesis) {
        this.kv = kv;
        this.genesis = genesis;
    }

    ChainHead verifiedHead() throws StoreCorruptedException {
        byte[] schema = require(StoreLayout.SCHEMA, "the schema version");
        int version = schema.length == 4 ? ByteBuffer.wrap(schema).getInt() : -1;
        check(version == StoreLayout.SCHEMA_VERSION, "schema version " + version
                + " is not the one this Cairn understands (" + StoreLayout.SCHEMA_VERSION + ")");
        Hash genesisHash = genesis.hash();
        byte[] storedGenesis = require(StoreLayout.GENESIS, "the genesis hash");
        check(Arrays.equals(storedGenesis, genesisHash.toByteArray()), "it belongs to another chain: its genesis hash is "
                + io.cairn.crypto.Hex.encode(storedGenesis) + ", this node's genesis file hashes to " + genesisHash);

        byte[] headValue = require(StoreLayout.HEAD, "the head");
        check(headValue.length == 8 + Hash.SIZE, "the head record is " + headValue.length + " bytes, expected 40");
        ByteBuffer buffer = ByteBuffer.wrap(headValue);
        long height = buffer.getLong();
        Hash hash = Hash.wrap(Arrays.copyOfRange(headValue, 8, headValue.length));
        check(height >= 0, "the head height is negative");
        checkNothingAbove(height);
        if (height == 0) {
            check(hash.equals(genesisHash), "the head at height 0 is not the genesis");
            return GenesisState.head(genesis);
        }
        String at = "the head says height " + height + " (" + hash + ") but ";
        BlockHeader header = decode(StoreLayout.byHeight(StoreLayout.HEADER, height), at + "header " + height, BlockHeader::decode);
        check(header.height() == height && header.hash().equals(hash), at + "header " + height + " hashes to " + header.hash());
        Block block = decode(StoreLayout.byHeight(StoreLayout.BLOCK, height), at + "block " + height, Block::decode);
        check(block.header().equals(header), at + "block " + height + " has another header");
        checkAccountIndex(block, at);
        CommitCertificate certificate = decode(StoreLayout.byHeight(StoreLayout.CERTIFICATE, height),
                at + "the certificate of block " + height, CommitCertificate::decode);
        check(certificate.height() == height && certificate.blockHash().equals(hash),
                at + "the certificate at that height is for another block");
        Optional<byte[]> indexed = kv.get(StoreLayout.byHash(StoreLayout.HEIGHT_BY_HASH, hash));
        check(indexed.isPresent() && Arrays.equals(indexed.get(), StoreLayout.u64(height)),
                at + "the hash index does not point to it");
        Hash parent = height == 1 ? genesisHash
                : decode(StoreLayout.byHeight(StoreLayout.HEADER, height - 1), at + "header " + (height - 1),
                        BlockHeader::decode).hash();
        check(header.parentHash().equals(parent), at + "its parent hash is not block " + (height - 1) + "'s hash");
        return ChainHead.of(header);
    }

    /** Every transaction of the head block is listed under each account it names. */
    private void checkAccountIndex(Block block, String at) throws StoreCorruptedException {
        List<Transaction> transactions = block.transactions();
        for (int i = 0; i < transactions.size(); i++) {
            Transaction tx = transactions.get(i);
            byte[] hash = tx.hash().toByteArray();
            for (PublicKey account : AccountIndex.accountsOf(tx)) {
                Optional<byte[]> indexed = kv.get(StoreLayout.accountTransaction(account, block.height(), i));
                check(indexed.isPresent() && Arrays.equals(indexed.get(), hash), at + "the account index does not list"
                        + " its transaction " + i + " under account " + account);
            }
        }
    }

    private void checkNothingAbove(long height) throws StoreCorruptedException {
        for (byte prefix : new byte[] {StoreLayout.BLOCK, StoreLayout.HEADER, StoreLayout.CERTIFICATE}) {
            check(kv.get(StoreLayout.byHeight(prefix, height + 1)).isEmpty(), "the head says height " + height
                    + " but the store holds data for height " + (height + 1) + " ('" + (char) prefix + "' entry)");
        }
    }

    private byte[] require(byte[] key, String what) throws StoreCorruptedException {
        Optional<byte[]> value = kv.get(key);
        check(value.isPresent(), what + " is missing");
        return value.get();
    }

    private <T> T decode(byte[] key, String what, LedgerStore.Decoder<T> decoder) throws StoreCorruptedException {
        Optional<byte[]> value = kv.get(key);
        check(value.isPresent(), what + " is missing");
        try {
            return decoder.decode(value.get());
        } catch (DecodeException e) {
            throw corrupted(what + " is damaged (" + e.getMessage() + ")");
        }
    }

    private void check(boolean condition, String problem) throws StoreCorruptedException {
        if (!condition) {
            throw corrupted(problem);
        }
    }

    private StoreCorruptedException corrupted(String problem) {
        return new StoreCorruptedException("Refusing to run on " + kv.describe() + ": " + problem
                + ". Restore it from a backup, or move it away and let the node sync from its peers.");
    }
}
