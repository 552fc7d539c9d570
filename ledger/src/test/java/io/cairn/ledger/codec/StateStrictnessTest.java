package io.cairn.ledger.codec;

import io.cairn.crypto.encoding.DecodeException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.ledger.Account;
import io.cairn.ledger.Outcome;
import io.cairn.ledger.Permission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stored accounts and transaction locations decode strictly, like everything on the wire. */
class StateStrictnessTest {

    @Test
    void everyPermissionByteIsEitherASubsetOrRejected() throws DecodeException {
        // Exhaustive over the byte: bits 0-2 are the three permissions, any other bit is unknown.
        for (int bits = 0; bits < 256; bits++) {
            byte[] encoded = HandLayout.account(5, 6, bits);
            if (bits < 8) {
                Account account = StateCodec.decodeAccount(encoded);
                assertThat(Permission.toBits(account.permissions())).isEqualTo(bits);
                assertThat(StateCodec.encodeAccount(account)).isEqualTo(encoded);
            } else {
                assertAccountRejected(encoded, "malformed account: permissions at byte 16: unknown permission bits "
                        + Integer.toBinaryString(bits));
            }
        }
    }

    @Test
    void rejectsBalanceAndNonceWithTheTopBitSet() {
        assertAccountRejected(HandLayout.account(-1, 0, 0), "malformed account: balance at byte 0: value is above 2^63 - 1");
        assertAccountRejected(HandLayout.account(0, Long.MIN_VALUE, 0),
                "malformed account: nonce at byte 8: value is above 2^63 - 1");
    }

    @Test
    void rejectsAccountWithTrailingBytes() {
        byte[] encoded = HandLayout.concat(HandLayout.account(0, 0, 0), new byte[1]);

        assertAccountRejected(encoded, "malformed account: end at byte 17: 1 trailing bytes");
    }

    @Test
    void everyOutcomeCodeIsKnownOrRejected() throws DecodeException {
        for (int code = 0; code < 256; code++) {
            byte[] encoded = HandLayout.location(1, 0, code);
            if (code < Outcome.values().length) {
                assertThat(StateCodec.decodeLocation(encoded).outcome().code()).isEqualTo(code);
            } else {
                assertLocationRejected(encoded, "malformed transaction location: outcome at byte 12: unknown outcome "
                        + code);
            }
        }
    }

    @Test
    void rejectsLocationAtHeightZero() {
        assertLocationRejected(HandLayout.location(0, 0, 0),
                "malformed transaction location: height at byte 0: blocks start at height 1");
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1})
    void rejectsLocationIndexAboveIntRange(int index) {
        assertLocationRejected(HandLayout.location(1, index, 0), "malformed transaction location: index at byte 8: "
                + Integer.toUnsignedString(index) + " is outside 0.." + Integer.MAX_VALUE);
    }

    @Test
    void rejectsLocationWithTrailingBytes() {
        byte[] encoded = HandLayout.concat(HandLayout.location(1, 0, 0), new byte[3]);

        assertLocationRejected(encoded, "malformed transaction location: end at byte 13: 3 trailing bytes");
    }

    private static void assertAccountRejected(byte[] encoded, String messageStart) {
        byte[] original = encoded.clone();
        assertThatThrownBy(() -> StateCodec.decodeAccount(encoded))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith(messageStart);
        assertThat(encoded).isEqualTo(original);
    }

    private static void assertLocationRejected(byte[] encoded, String messageStart) {
        byte[] original = encoded.clone();
        assertThatThrownBy(() -> StateCodec.decodeLocation(encoded))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith(messageStart);
        assertThat(encoded).isEqualTo(original);
    }
}
