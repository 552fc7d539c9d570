package io.cairn.ledger.codec;

import io.cairn.crypto.encoding.DecodeException;
import static io.cairn.ledger.codec.HandLayout.pattern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.ledger.CommitCertificate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way a commit certificate can be malformed is a DecodeException naming the field and
 * offset. Offsets: height 0, view 8, block hash 16, count 48, entries from 50, 66 bytes each.
 */
class CertificateStrictnessTest {
    private static final byte[] BLOCK_HASH = pattern(32, 0x70);

    @Test
    void acceptsAllValidatorsOnce() throws DecodeException {
        int[] all = IntStream.range(0, 256).toArray();

        assertThat(CommitCertificate.decode(HandLayout.certificate(1, 0, BLOCK_HASH, 256, all)).signatures()).hasSize(256);
    }

    @Test
    void rejectsZeroSignatures() {
        byte[] certificate = HandLayout.certificate(1, 0, BLOCK_HASH, 0, new int[0]);

        assertRejected(certificate, "malformed commit certificate: signature count at byte 48: 0 is outside 1..256");
    }

    @Test
    void rejects257Signatures() {
        byte[] certificate = HandLayout.certificate(1, 0, BLOCK_HASH, 257, IntStream.range(0, 257).toArray());

        assertRejected(certificate, "malformed commit certificate: signature count at byte 48: 257 is outside 1..256");
    }

    @Test
    void rejectsTheSameValidatorTwice() {
        byte[] certificate = HandLayout.certificate(1, 0, BLOCK_HASH, 3, new int[] {2, 5, 5});

        assertRejected(certificate, "malformed commit certificate: signatures[2].validator at byte 182: "
                + "validator 5 is not above the previous one (5)");
    }

    @Test
    void rejectsDescendingValidators() {
        byte[] certificate = HandLayout.certificate(1, 0, BLOCK_HASH, 2, new int[] {9, 3});

        assertRejected(certificate, "malformed commit certificate: signatures[1].validator at byte 116: "
                + "validator 3 is not above the previous one (9)");
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 0xffff})
    void rejectsValidatorIndexAbove255(int validator) {
        byte[] certificate = HandLayout.certificate(1, 0, BLOCK_HASH, 1, new int[] {validator});

        assertRejected(certificate, "malformed commit certificate: signatures[0].validator at byte 50: "
                + validator + " is outside 0..255");
    }

    @Test
    void rejectsHeightZero() {
        byte[] certificate = HandLayout.certificate(0, 0, BLOCK_HASH, 1, new int[] {0});

        assertRejected(certificate, "malformed commit certificate: height at byte 0: blocks start at height 1");
    }

    @Test
    void rejectsHeightAndViewWithTheTopBitSet() {
        assertRejected(HandLayout.certificate(-1, 0, BLOCK_HASH, 1, new int[] {0}),
                "malformed commit certificate: height at byte 0: value is above 2^63 - 1");
        assertRejected(HandLayout.certificate(1, Long.MIN_VALUE, BLOCK_HASH, 1, new int[] {0}),
                "malformed commit certificate: view at byte 8: value is above 2^63 - 1");
    }

    @Test
    void rejectsFewerSignaturesThanCounted() {
        byte[] certificate = HandLayout.certificate(1, 0, BLOCK_HASH, 3, new int[] {1, 2});

        assertRejected(certificate, "malformed commit certificate: signatures[2].validator at byte 182: "
                + "needs 2 bytes, only 0 left");
    }

    @Test
    void rejectsMoreSignaturesThanCounted() {
        byte[] certificate = HandLayout.certificate(1, 0, BLOCK_HASH, 1, new int[] {1, 2});

        assertRejected(certificate, "malformed commit certificate: end at byte 116: 66 trailing bytes");
    }

    private static void assertRejected(byte[] certificate, String messageStart) {
        byte[] original = certificate.clone();
        assertThatThrownBy(() -> CommitCertificate.decode(certificate))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith(messageStart);
        assertThat(certificate).as("the decoder must not modify its input").isEqualTo(original);
    }
}
