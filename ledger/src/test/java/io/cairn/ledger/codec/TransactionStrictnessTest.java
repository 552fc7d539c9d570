package io.cairn.ledger.codec;

import io.cairn.crypto.encoding.DecodeException;
import static io.cairn.ledger.codec.HandLayout.ascii;
import static io.cairn.ledger.codec.HandLayout.pattern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.ledger.ProtocolLimits;
import io.cairn.ledger.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way a transaction can be malformed is a DecodeException naming the field and offset.
 * With chain id "c" the offsets are: version 0, chain id length 1, chain id 2, sender 3,
 * nonce 35, kind 43, body 44.
 */
class TransactionStrictnessTest {
    private static final byte[] KEY = pattern(32, 0x10);
    private static final byte[] SIGNATURE = pattern(64, 0x40);

    @Test
    void acceptsTheLargestPossibleTransaction() throws DecodeException {
        byte[] largest = HandLayout.transaction(1, ascii("a".repeat(32)), KEY, 0, 2,
                HandLayout.putBody(256, new byte[256], 16384, new byte[16384]), SIGNATURE);

        assertThat(largest).hasSize(ProtocolLimits.TRANSACTION_MAX_BYTES);
        assertThat(Transaction.decode(largest).encode()).isEqualTo(largest);
    }

    @Test
    void rejectsInputOverTheLargestPossibleTransaction() {
        byte[] oversized = new byte[ProtocolLimits.TRANSACTION_MAX_BYTES + 1];

        assertRejected(oversized, "malformed transaction: " + oversized.length
                + " bytes is more than the largest possible transaction (" + ProtocolLimits.TRANSACTION_MAX_BYTES + ")");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 255})
    void rejectsUnsupportedVersion(int version) {
        byte[] tx = HandLayout.transaction(version, ascii("c"), KEY, 0, 3, HandLayout.permissionBody(KEY, 1), SIGNATURE);

        assertRejected(tx, "malformed transaction: version at byte 0: unsupported transaction version " + version);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 33, 255})
    void rejectsChainIdLengthOutside1To32(int length) {
        byte[] tx = HandLayout.transaction(1, ascii("a".repeat(length)), KEY, 0, 3,
                HandLayout.permissionBody(KEY, 1), SIGNATURE);

        assertRejected(tx, "malformed transaction: chain id at byte 1: length " + length + " is outside 1..32");
    }

    @ParameterizedTest
    @ValueSource(ints = {' ', '/', 0x80, 0x00, 0xff, ':', '@', '[', '`', '{', '\n'})
    void rejectsChainIdWithADisallowedCharacter(int character) {
        byte[] chainId = {'a', (byte) character, 'b'};
        byte[] tx = HandLayout.transaction(1, chainId, KEY, 0, 3, HandLayout.permissionBody(KEY, 1), SIGNATURE);

        assertRejected(tx, "malformed transaction: chain id at byte 2: has a character outside A-Z a-z 0-9 . _ -");
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MIN_VALUE, -1})
    void rejectsNonceWithTheTopBitSet(long nonce) {
        byte[] tx = HandLayout.transaction(1, ascii("c"), KEY, nonce, 3, HandLayout.permissionBody(KEY, 1), SIGNATURE);

        assertRejected(tx, "malformed transaction: nonce at byte 35: value is above 2^63 - 1");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 255})
    void rejectsUnknownKind(int kind) {
        byte[] tx = HandLayout.transaction(kind, HandLayout.permissionBody(KEY, 1));

        assertRejected(tx, "malformed transaction: kind at byte 43: unknown transaction kind " + kind);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4, 255})
    void rejectsUnknownPermissionInGrant(int permission) {
        byte[] tx = HandLayout.transaction(3, HandLayout.permissionBody(KEY, permission));

        assertRejected(tx, "malformed transaction: grant.permission at byte 76: unknown permission " + permission);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4, 255})
    void rejectsUnknownPermissionInRevoke(int permission) {
        byte[] tx = HandLayout.transaction(4, HandLayout.permissionBody(KEY, permission));

        assertRejected(tx, "malformed transaction: revoke.permission at byte 76: unknown permission " + permission);
    }

    @Test
    void rejectsTransferOfZero() {
        byte[] tx = HandLayout.transaction(1, HandLayout.transferBody(KEY, 0));

        assertRejected(tx, "malformed transaction: transfer.amount at byte 76: must be at least 1");
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MIN_VALUE, -1})
    void rejectsTransferAmountWithTheTopBitSet(long amount) {
        byte[] tx = HandLayout.transaction(1, HandLayout.transferBody(KEY, amount));

        assertRejected(tx, "malformed transaction: transfer.amount at byte 76: value is above 2^63 - 1");
    }

    @Test
    void rejectsPutKeyOfLengthZero() {
        byte[] tx = HandLayout.transaction(2, HandLayout.putBody(0, new byte[0], 1, new byte[1]));

        assertRejected(tx, "malformed transaction: put.key length at byte 44: 0 is outside 1..256");
    }

    @ParameterizedTest
    @ValueSource(ints = {257, 0xffff})
    void rejectsPutKeyLongerThan256(int length) {
        byte[] tx = HandLayout.transaction(2, HandLayout.putBody(length, new byte[257], 0, new byte[0]));

        assertRejected(tx, "malformed transaction: put.key length at byte 44: " + length + " is outside 1..256");
    }

    @ParameterizedTest
    @ValueSource(ints = {16385, 0xffff})
    void rejectsPutValueLongerThan16384(int length) {
        byte[] tx = HandLayout.transaction(2, HandLayout.putBody(1, new byte[1], length, new byte[16385]));

        // The value length follows the 2-byte key length and the 1-byte key.
        assertRejected(tx, "malformed transaction: put.value length at byte 47: " + length + " is outside 0..16384");
    }

    @Test
    void rejectsPutKeyLengthThatOverrunsTheInput() {
        byte[] tx = HandLayout.transaction(2, HandLayout.putBody(200, new byte[3], 0, new byte[0]));

        assertRejected(tx, "malformed transaction: put.key at byte 46: needs 200 bytes, only 69 left");
    }

    @Test
    void rejectsTrailingBytes() {
        byte[] valid = HandLayout.transaction(3, HandLayout.permissionBody(KEY, 1));
        byte[] tx = HandLayout.concat(valid, new byte[] {0, 0});

        assertRejected(tx, "malformed transaction: end at byte " + valid.length + ": 2 trailing bytes");
    }

    private static void assertRejected(byte[] tx, String messageStart) {
        byte[] original = tx.clone();
        assertThatThrownBy(() -> Transaction.decode(tx))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith(messageStart);
        assertThat(tx).as("the decoder must not modify its input").isEqualTo(original);
    }
}
