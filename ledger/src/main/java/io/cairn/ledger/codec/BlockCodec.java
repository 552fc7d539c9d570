package io.cairn.ledger.codec;

import io.cairn.crypto.encoding.ByteReader;
import io.cairn.crypto.encoding.ByteWriter;
import io.cairn.crypto.encoding.DecodeException;
import io.cairn.crypto.Hash;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Block;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.ProtocolLimits;
import io.cairn.ledger.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * A header:
 * <pre>
 *   u8 version (1) | u64 height (&ge; 1) | parent hash (32) | u64 timestamp ms | proposer (32)
 *   | u64 view | transactions root (32) | state root (32) | u32 transaction count
 * </pre>
 * A block: its header, then that many transactions one after another.
 */
public final class BlockCodec {
    public static final int VERSION = 1;
    public static final int HEADER_BYTES = 1 + 8 + Hash.SIZE + 8 + PublicKey.SIZE + 8 + Hash.SIZE + Hash.SIZE + 4;
    /** No transaction encodes to fewer bytes: a put of a 1-byte key and an empty value, with a one-character chain id. */
    static final int MIN_TRANSACTION_BYTES = 1 + 1 + 1 + 32 + 8 + 1 + 2 + 1 + 2 + 64;

    private BlockCodec() {}

    public static byte[] encodeHeader(BlockHeader header) {
        ByteWriter writer = new ByteWriter(HEADER_BYTES);
        writeHeader(writer, header);
        return writer.toByteArray();
    }

    public static BlockHeader decodeHeader(byte[] encoded) throws DecodeException {
        ByteReader reader = new ByteReader(encoded, "block header");
        BlockHeader header = readHeader(reader);
        reader.expectEnd();
        return header;
    }

    public static byte[] encodeBlock(Block block) {
        int size = HEADER_BYTES;
        for (Transaction tx : block.transactions()) {
            size += TransactionCodec.encodedSize(tx);
        }
        ByteWriter writer = new ByteWriter(size);
        writeHeader(writer, block.header());
        for (Transaction tx : block.transactions()) {
            TransactionCodec.write(writer, tx);
        }
        return writer.toByteArray();
    }

    public static Block decodeBlock(byte[] encoded) throws DecodeException {
        if (encoded.length > ProtocolLimits.BLOCK_MAX_BYTES) {
            throw new DecodeException("malformed block: " + encoded.length + " bytes is over the limit of "
                    + ProtocolLimits.BLOCK_MAX_BYTES);
        }
        ByteReader reader = new ByteReader(encoded, "block");
        BlockHeader header = readHeader(reader);
        int count = header.transactionCount();
        if ((long) count * MIN_TRANSACTION_BYTES > reader.remaining()) {
            throw reader.errorAt(reader.position(), "transactions",
                    count + " transactions cannot fit in the " + reader.remaining() + " bytes left");
        }
        List<Transaction> transactions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            reader.context("transactions[" + i + "]");
            transactions.add(TransactionCodec.read(reader));
        }
        reader.context("");
        reader.expectEnd();
        return new Block(header, transactions);
    }

    private static void writeHeader(ByteWriter writer, BlockHeader header) {
        writer.u8(VERSION)
                .u64(header.height())
                .hash(header.parentHash())
                .u64(header.timestampMillis())
                .publicKey(header.proposer())
                .u64(header.view())
                .hash(header.transactionsRoot())
                .hash(header.stateRoot())
                .u32(header.transactionCount());
    }

    private static BlockHeader readHeader(ByteReader reader) throws DecodeException {
        int start = reader.position();
        int version = reader.u8("version");
        if (version != VERSION) {
            throw reader.errorAt(start, "version", "unsupported block version " + version);
        }
        int at = reader.position();
        long height = reader.u63("height");
        if (height == 0) {
            throw reader.errorAt(at, "height", "blocks start at height 1");
        }
        Hash parent = reader.hash("parent hash");
        long timestamp = reader.u63("timestamp");
        PublicKey proposer = reader.publicKey("proposer");
        long view = reader.u63("view");
        Hash transactionsRoot = reader.hash("transactions root");
        Hash stateRoot = reader.hash("state root");
        int count = reader.u32InRange("transaction count", 0, ProtocolLimits.BLOCK_MAX_TRANSACTIONS);
        return new BlockHeader(height, parent, timestamp, proposer, view, transactionsRoot, stateRoot, count);
    }
}
