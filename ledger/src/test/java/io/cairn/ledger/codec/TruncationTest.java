package io.cairn.ledger.codec;

import io.cairn.crypto.encoding.DecodeException;
import static io.cairn.ledger.codec.HandLayout.ascii;
import static io.cairn.ledger.codec.HandLayout.concat;
import static io.cairn.ledger.codec.HandLayout.pattern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every proper prefix of a valid encoding is rejected, and the error names the field the bytes
 * ran out in, its offset, and how many bytes it needed. The field tables are the documented
 * layouts, written out here independently of the codec.
 */
class TruncationTest {
    private static final byte[] KEY = pattern(32, 0x10);
    private static final byte[] SIGNATURE = pattern(64, 0x40);

    private record Field(String name, int size) {}

    @Test
    void everyPrefixOfATransferNamesTheFieldItCutsInto() {
        byte[] tx = HandLayout.transaction(1, ascii("ab"), KEY, 3, 1, HandLayout.transferBody(KEY, 9), SIGNATURE);

        assertEveryPrefixRejected(PublicDecoder.TRANSACTION, tx, transactionFields(2,
                new Field("transfer.to", 32), new Field("transfer.amount", 8)));
    }

    @Test
    void everyPrefixOfAPutNamesTheFieldItCutsInto() {
        byte[] tx = HandLayout.transaction(1, ascii("ab"), KEY, 3, 2, HandLayout.putBody(3, pattern(3, 1), 4,
                pattern(4, 9)), SIGNATURE);

        assertEveryPrefixRejected(PublicDecoder.TRANSACTION, tx, transactionFields(2, new Field("put.key length", 2),
                new Field("put.key", 3), new Field("put.value length", 2), new Field("put.value", 4)));
    }

    @Test
    void everyPrefixOfAPutWithAnEmptyValueNamesTheFieldItCutsInto() {
        byte[] tx = HandLayout.transaction(2, HandLayout.putBody(1, pattern(1, 1), 0, new byte[0]));

        assertEveryPrefixRejected(PublicDecoder.TRANSACTION, tx, transactionFields(1, new Field("put.key length", 2),
                new Field("put.key", 1), new Field("put.value length", 2), new Field("put.value", 0)));
    }

    @Test
    void everyPrefixOfAGrantAndARevokeNamesTheFieldItCutsInto() {
        byte[] grant = HandLayout.transaction(3, HandLayout.permissionBody(KEY, 1));
        byte[] revoke = HandLayout.transaction(4, HandLayout.permissionBody(KEY, 3));

        assertEveryPrefixRejected(PublicDecoder.TRANSACTION, grant, transactionFields(1,
                new Field("grant.account", 32), new Field("grant.permission", 1)));
        assertEveryPrefixRejected(PublicDecoder.TRANSACTION, revoke, transactionFields(1,
                new Field("revoke.account", 32), new Field("revoke.permission", 1)));
    }

    @Test
    void everyPrefixOfAHeaderNamesTheFieldItCutsInto() {
        assertEveryPrefixRejected(PublicDecoder.HEADER, HandLayout.header(1, 1, 0), headerFields());
    }

    @Test
    void everyPrefixOfACertificateNamesTheFieldItCutsInto() {
        byte[] certificate = HandLayout.certificate(1, 0, KEY, 2, new int[] {0, 3});

        assertEveryPrefixRejected(PublicDecoder.CERTIFICATE, certificate, List.of(new Field("height", 8),
                new Field("view", 8), new Field("block hash", 32), new Field("signature count", 2),
                new Field("signatures[0].validator", 2), new Field("signatures[0].signature", 64),
                new Field("signatures[1].validator", 2), new Field("signatures[1].signature", 64)));
    }

    @Test
    void everyPrefixOfAnAccountAndALocationNamesTheFieldItCutsInto() {
        assertEveryPrefixRejected(PublicDecoder.ACCOUNT, HandLayout.account(1, 2, 3),
                List.of(new Field("balance", 8), new Field("nonce", 8), new Field("permissions", 1)));
        assertEveryPrefixRejected(PublicDecoder.LOCATION, HandLayout.location(1, 2, 3),
                List.of(new Field("height", 8), new Field("index", 4), new Field("outcome", 1)));
    }

    @Test
    void everyPrefixOfABlockIsRejected() {
        byte[] put = HandLayout.transaction(2, HandLayout.putBody(1, pattern(1, 1), 0, new byte[0]));
        byte[] grant = HandLayout.transaction(3, HandLayout.permissionBody(KEY, 1));
        byte[] block = concat(HandLayout.header(1, 1, 2), put, grant);

        // Inside the header the field is known exactly; past it, the count pre-check may answer first.
        assertEveryPrefixRejected(PublicDecoder.BLOCK, Arrays.copyOf(block, BlockCodec.HEADER_BYTES), headerFields());
        for (int length = BlockCodec.HEADER_BYTES; length < block.length; length++) {
            byte[] prefix = Arrays.copyOf(block, length);
            assertThatThrownBy(() -> PublicDecoder.BLOCK.decode(prefix))
                    .as("prefix of %d bytes", length)
                    .isInstanceOf(DecodeException.class)
                    .hasMessageMatching("malformed block: (.+ at byte \\d+: needs \\d+ bytes, only \\d+ left"
                            + "|transactions at byte 157: 2 transactions cannot fit in the \\d+ bytes left)");
        }
    }

    private static List<Field> transactionFields(int chainIdLength, Field... body) {
        List<Field> fields = new ArrayList<>(List.of(new Field("version", 1), new Field("chain id length", 1),
                new Field("chain id", chainIdLength), new Field("sender", 32), new Field("nonce", 8),
                new Field("kind", 1)));
        fields.addAll(List.of(body));
        fields.add(new Field("signature", 64));
        return fields;
    }

    private static List<Field> headerFields() {
        return List.of(new Field("version", 1), new Field("height", 8), new Field("parent hash", 32),
                new Field("timestamp", 8), new Field("proposer", 32), new Field("view", 8),
                new Field("transactions root", 32), new Field("state root", 32), new Field("transaction count", 4));
    }

    /** Cuts {@code valid} at every length short of its end and checks the error names the right field. */
    private static void assertEveryPrefixRejected(PublicDecoder<?> decoder, byte[] valid, List<Field> layout) {
        assertThat(layout.stream().mapToInt(Field::size).sum()).as("layout table covers the encoding").isEqualTo(valid.length);
        for (int length = 0; length < valid.length; length++) {
            byte[] prefix = Arrays.copyOf(valid, length);
            int start = 0;
            Field cut = null;
            for (Field field : layout) {
                if (length < start + field.size()) {
                    cut = field;
                    break;
                }
                start += field.size();
            }
            String expected = "malformed " + decoder.name() + ": " + cut.name() + " at byte " + start + ": needs "
                    + cut.size() + " bytes, only " + (length - start) + " left";
            assertThatThrownBy(() -> decoder.decode(prefix))
                    .as("prefix of %d bytes", length)
                    .isInstanceOf(DecodeException.class)
                    .hasMessage(expected);
        }
    }
}
