package io.cairn.ledger.codec;

import io.cairn.crypto.encoding.DecodeException;
import static io.cairn.ledger.codec.HandLayout.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.crypto.Hash;
import io.cairn.crypto.PublicKey;
import io.cairn.crypto.Signature;
import io.cairn.ledger.Block;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.Operation;
import io.cairn.ledger.ProtocolLimits;
import io.cairn.ledger.Transaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a block or header can be malformed is a DecodeException naming the field and offset. */
class BlockStrictnessTest {
    private static final int HEADER = BlockCodec.HEADER_BYTES;

    @Test
    void decodesBlocksOfTheSmallestTransactions() throws DecodeException {
        // A put with a 1-byte key, an empty value and a 1-character chain id is 113 bytes, the
        // smallest transaction; the "cannot fit" pre-check must not reject blocks of them.
        Transaction smallest = new Transaction("c", PublicKey.wrap(new byte[32]), 0,
                new Operation.Put(new byte[] {1}, new byte[0]), Signature.wrap(new byte[64]));
        assertThat(smallest.encode()).hasSize(113);
        List<Transaction> transactions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            transactions.add(smallest);
        }
        BlockHeader header = new BlockHeader(1, Hash.ZERO, 0, PublicKey.wrap(new byte[32]), 0, Hash.ZERO, Hash.ZERO, 5);
        Block block = new Block(header, transactions);

        assertThat(Block.decode(block.encode())).isEqualTo(block);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 255})
    void rejectsUnsupportedVersion(int version) {
        byte[] header = HandLayout.header(version, 1, 0);

        assertRejectedAsHeaderAndBlock(header, "version at byte 0: unsupported block version " + version);
    }

    @Test
    void rejectsHeightZero() {
        assertRejectedAsHeaderAndBlock(HandLayout.header(1, 0, 0), "height at byte 1: blocks start at height 1");
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MIN_VALUE, -1})
    void rejectsHeightWithTheTopBitSet(long height) {
        assertRejectedAsHeaderAndBlock(HandLayout.header(1, height, 0), "height at byte 1: value is above 2^63 - 1");
    }

    @Test
    void rejectsTimestampAndViewWithTheTopBitSet() {
        byte[] timestamp = HandLayout.header(1, 1, new byte[32], -1, new byte[32], 0, new byte[32], new byte[32], 0);
        byte[] view = HandLayout.header(1, 1, new byte[32], 0, new byte[32], -1, new byte[32], new byte[32], 0);

        assertRejectedAsHeaderAndBlock(timestamp, "timestamp at byte 41: value is above 2^63 - 1");
        assertRejectedAsHeaderAndBlock(view, "view at byte 81: value is above 2^63 - 1");
    }

    @ParameterizedTest
    @ValueSource(ints = {ProtocolLimits.BLOCK_MAX_TRANSACTIONS + 1, Integer.MAX_VALUE, -1})
    void rejectsTransactionCountAboveTheProtocolLimit(int count) {
        byte[] header = HandLayout.header(1, 1, count);

        assertRejectedAsHeaderAndBlock(header, "transaction count at byte 153: " + Integer.toUnsignedString(count)
                + " is outside 0.." + ProtocolLimits.BLOCK_MAX_TRANSACTIONS);
    }

    @Test
    void rejectsTransactionCountTheBytesCannotHoldBeforeReadingAny() {
        // The largest allowed count with no transaction bytes at all fails at once, at the list,
        // rather than after trying to read (or allocate for) 100000 transactions.
        byte[] header = HandLayout.header(1, 1, ProtocolLimits.BLOCK_MAX_TRANSACTIONS);

        assertRejected(header, "malformed block: transactions at byte 157: 100000 transactions cannot fit in the 0 bytes left");
    }

    @Test
    void rejectsFewerTransactionsThanCounted() {
        byte[] oneTransaction = HandLayout.transaction(3, HandLayout.permissionBody(new byte[32], 1));
        byte[] block = concat(HandLayout.header(1, 1, 2), oneTransaction, oneTransaction);
        // The second transaction is cut 100 bytes in, 23 bytes into its signature (at +77).
        byte[] missingSecond = Arrays.copyOf(block, HEADER + oneTransaction.length + 100);

        assertRejected(missingSecond, "malformed block: transactions[1].signature at byte " + (HEADER + oneTransaction.length + 77)
                + ": needs 64 bytes, only 23 left");
    }

    @Test
    void rejectsMoreTransactionsThanCounted() {
        byte[] transaction = HandLayout.transaction(3, HandLayout.permissionBody(new byte[32], 1));
        byte[] block = concat(HandLayout.header(1, 1, 1), transaction, transaction);

        assertRejected(block, "malformed block: end at byte " + (HEADER + transaction.length) + ": "
                + transaction.length + " trailing bytes");
    }

    @Test
    void rejectsMalformedTransactionInsideABlockAtItsOffset() {
        byte[] good = HandLayout.transaction(3, HandLayout.permissionBody(new byte[32], 1));
        byte[] badKind = HandLayout.transaction(9, HandLayout.permissionBody(new byte[32], 1));
        byte[] block = concat(HandLayout.header(1, 1, 2), good, badKind);

        // kind sits after version, chain id "c", sender and nonce: 1 + 2 + 32 + 8 = 43.
        assertRejected(block, "malformed block: transactions[1].kind at byte " + (HEADER + good.length + 43)
                + ": unknown transaction kind 9");
    }

    @Test
    void rejectsHeaderWithTrailingBytes() {
        byte[] header = concat(HandLayout.header(1, 1, 0), new byte[] {0});

        assertThatThrownBy(() -> BlockHeader.decode(header))
                .isInstanceOf(DecodeException.class)
                .hasMessage("malformed block header: end at byte 157: 1 trailing bytes");
    }

    @Test
    void rejectsBlockOverTheSizeLimitBeforeLookingAtIt() {
        // All zeros: without the up-front size check this would fail on the version byte instead.
        byte[] oversized = new byte[ProtocolLimits.BLOCK_MAX_BYTES + 1];

        assertThatThrownBy(() -> Block.decode(oversized))
                .isInstanceOf(DecodeException.class)
                .hasMessage("malformed block: " + oversized.length + " bytes is over the limit of "
                        + ProtocolLimits.BLOCK_MAX_BYTES);
    }

    private static void assertRejectedAsHeaderAndBlock(byte[] header, String problem) {
        byte[] original = header.clone();
        assertThatThrownBy(() -> BlockHeader.decode(header))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("malformed block header: " + problem);
        assertRejected(header, "malformed block: " + problem);
        assertThat(header).as("the decoder must not modify its input").isEqualTo(original);
    }

    private static void assertRejected(byte[] block, String messageStart) {
        byte[] original = block.clone();
        assertThatThrownBy(() -> Block.decode(block))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith(messageStart);
        assertThat(block).as("the decoder must not modify its input").isEqualTo(original);
    }
}
