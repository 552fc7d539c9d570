package io.cairn.ledger;

import io.cairn.crypto.Hash;
import io.cairn.ledger.codec.BlockCodec;
import io.cairn.crypto.encoding.DecodeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A header and its transactions, in order. The certificate that makes it final is kept beside it. */
public record Block(BlockHeader header, List<Transaction> transactions) {
    public Block {
        Objects.requireNonNull(header, "header");
        transactions = List.copyOf(transactions);
        if (transactions.size() != header.transactionCount()) {
            throw new IllegalArgumentException("header counts " + header.transactionCount()
                    + " transactions, block holds " + transactions.size());
        }
    }

    public static Block decode(byte[] encoded) throws DecodeException {
        return BlockCodec.decodeBlock(encoded);
    }

    public long height() {
        return header.height();
    }

    public Hash hash() {
        return header.hash();
    }

    public byte[] encode() {
        return BlockCodec.encodeBlock(this);
    }

    public List<Hash> transactionHashes() {
        List<Hash> hashes = new ArrayList<>(transactions.size());
        for (Transaction transaction : transactions) {
            hashes.add(transaction.hash());
        }
        return hashes;
    }
}
