package io.cairn.ledger.codec;

import io.cairn.crypto.encoding.DecodeException;
import static io.cairn.ledger.codec.HandLayout.ascii;
import static io.cairn.ledger.codec.HandLayout.concat;
import static io.cairn.ledger.codec.HandLayout.pattern;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.crypto.Hash;
import io.cairn.crypto.KeyPair;
import io.cairn.crypto.PublicKey;
import io.cairn.crypto.Signature;
import io.cairn.ledger.Account;
import io.cairn.ledger.Block;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.CommitCertificate.ValidatorSignature;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Outcome;
import io.cairn.ledger.Permission;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.codec.StateCodec.TransactionLocation;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The byte layout, pinned: each expected encoding is written field by field from the
 * documented layout (HandLayout), so any change to the codec's layout fails here. Multi-byte
 * values use distinct bytes so a swapped byte order or field order shows.
 */
class LayoutPinnedTest {
    private static final String CHAIN = "cairn-test";
    private static final byte[] SENDER = pattern(32, 0x10);
    private static final long NONCE = 0x0102030405060708L;
    private static final byte[] OTHER = pattern(32, 0x80);
    private static final byte[] SIGNATURE = pattern(64, 0xc0);

    @Test
    void transferMatchesDocumentedLayout() throws DecodeException {
        Operation transfer = new Operation.Transfer(PublicKey.wrap(OTHER), 0x1122334455667788L);

        assertPinned(transfer, 1, HandLayout.transferBody(OTHER, 0x1122334455667788L));
    }

    @Test
    void putMatchesDocumentedLayout() throws DecodeException {
        Operation put = new Operation.Put(pattern(3, 0xa0), pattern(5, 0xb0));

        assertPinned(put, 2, HandLayout.putBody(3, pattern(3, 0xa0), 5, pattern(5, 0xb0)));
    }

    @Test
    void putLengthsAreTwoBytesBigEndian() throws DecodeException {
        // 256 and 16384 need the high byte of the u16 length: 0x0100 and 0x4000.
        Operation put = new Operation.Put(pattern(256, 1), pattern(16384, 2));

        assertPinned(put, 2, HandLayout.putBody(256, pattern(256, 1), 16384, pattern(16384, 2)));
    }

    @Test
    void putWithEmptyValueMatchesDocumentedLayout() throws DecodeException {
        Operation put = new Operation.Put(pattern(1, 0x33), new byte[0]);

        assertPinned(put, 2, HandLayout.putBody(1, pattern(1, 0x33), 0, new byte[0]));
    }

    @Test
    void grantMatchesDocumentedLayout() throws DecodeException {
        Operation grant = new Operation.Grant(PublicKey.wrap(OTHER), Permission.ADMIN);

        assertPinned(grant, 3, HandLayout.permissionBody(OTHER, 3));
    }

    @Test
    void revokeMatchesDocumentedLayout() throws DecodeException {
        Operation revoke = new Operation.Revoke(PublicKey.wrap(OTHER), Permission.PUT);

        assertPinned(revoke, 4, HandLayout.permissionBody(OTHER, 2));
    }

    @Test
    void permissionCodesMatchDocumentedLayout() {
        assertThat(Permission.TRANSFER.code()).isEqualTo(1);
        assertThat(Permission.PUT.code()).isEqualTo(2);
        assertThat(Permission.ADMIN.code()).isEqualTo(3);
    }

    @Test
    void signatureCoversTheDocumentedSignBytes() {
        KeyPair key = KeyPair.fromLabel("layout-pinned");
        Operation transfer = new Operation.Transfer(PublicKey.wrap(OTHER), 5);
        Transaction tx = Transaction.sign(CHAIN, key, 9, transfer);

        byte[] signBytes = concat(HandLayout.SIGN_TAG, HandLayout.unsignedTransaction(1, ascii(CHAIN),
                key.publicKey().toByteArray(), 9, 1, HandLayout.transferBody(OTHER, 5)));
        assertThat(key.publicKey().verify(signBytes, tx.signature())).isTrue();
        assertThat(tx.hasValidSignature()).isTrue();
    }

    @Test
    void headerMatchesDocumentedLayout() throws DecodeException {
        BlockHeader header = new BlockHeader(0x0a0b0c0d0e0f1011L, Hash.wrap(pattern(32, 0x20)), 0x1213141516171819L,
                PublicKey.wrap(pattern(32, 0x40)), 0x2122232425262728L, Hash.wrap(pattern(32, 0x60)),
                Hash.wrap(pattern(32, 0x90)), 70_000);

        byte[] expected = HandLayout.header(1, 0x0a0b0c0d0e0f1011L, pattern(32, 0x20), 0x1213141516171819L,
                pattern(32, 0x40), 0x2122232425262728L, pattern(32, 0x60), pattern(32, 0x90), 70_000);
        assertThat(header.encode()).isEqualTo(expected);
        assertThat(BlockHeader.decode(expected)).isEqualTo(header);
        assertThat(header.hash()).isEqualTo(Hash.of(expected));
    }

    @Test
    void blockIsItsHeaderThenItsTransactions() throws DecodeException {
        Transaction first = transaction(new Operation.Grant(PublicKey.wrap(OTHER), Permission.TRANSFER));
        Transaction second = transaction(new Operation.Put(pattern(2, 0), pattern(1, 9)));
        BlockHeader header = new BlockHeader(3, Hash.wrap(pattern(32, 0x20)), 1_000, PublicKey.wrap(pattern(32, 0x40)),
                0, Hash.wrap(pattern(32, 0x50)), Hash.wrap(pattern(32, 0x60)), 2);
        Block block = new Block(header, List.of(first, second));

        byte[] expected = concat(
                HandLayout.header(1, 3, pattern(32, 0x20), 1_000, pattern(32, 0x40), 0, pattern(32, 0x50),
                        pattern(32, 0x60), 2),
                HandLayout.transaction(1, ascii(CHAIN), SENDER, NONCE, 3, HandLayout.permissionBody(OTHER, 1), SIGNATURE),
                HandLayout.transaction(1, ascii(CHAIN), SENDER, NONCE, 2, HandLayout.putBody(2, pattern(2, 0), 1,
                        pattern(1, 9)), SIGNATURE));
        assertThat(block.encode()).isEqualTo(expected);
        assertThat(Block.decode(expected)).isEqualTo(block);
    }

    @Test
    void certificateMatchesDocumentedLayout() throws DecodeException {
        List<ValidatorSignature> signatures = List.of(
                new ValidatorSignature(1, Signature.wrap(pattern(64, 1))),
                new ValidatorSignature(7, Signature.wrap(pattern(64, 7))),
                new ValidatorSignature(255, Signature.wrap(pattern(64, 255))));
        CommitCertificate certificate = new CommitCertificate(0x0102030405060708L, 0x1112131415161718L,
                Hash.wrap(pattern(32, 0x70)), signatures);

        byte[] expected = HandLayout.certificate(0x0102030405060708L, 0x1112131415161718L, pattern(32, 0x70), 3,
                new int[] {1, 7, 255});
        assertThat(certificate.encode()).isEqualTo(expected);
        assertThat(CommitCertificate.decode(expected)).isEqualTo(certificate);
    }

    @Test
    void accountMatchesDocumentedLayout() throws DecodeException {
        // Bit 0 transfer, bit 1 put, bit 2 admin: transfer + admin is 0b101.
        Account account = new Account(0x0102030405060708L, 0x1112131415161718L,
                EnumSet.of(Permission.TRANSFER, Permission.ADMIN));

        byte[] expected = HandLayout.account(0x0102030405060708L, 0x1112131415161718L, 0b101);
        assertThat(StateCodec.encodeAccount(account)).isEqualTo(expected);
        assertThat(StateCodec.decodeAccount(expected)).isEqualTo(account);
        assertThat(StateCodec.encodeAccount(new Account(0, 0, Set.of(Permission.PUT))))
                .isEqualTo(HandLayout.account(0, 0, 0b010));
    }

    @Test
    void locationMatchesDocumentedLayout() throws DecodeException {
        TransactionLocation location = new TransactionLocation(0x0102030405060708L, 0x11121314, Outcome.NOT_GRANTED);

        byte[] expected = HandLayout.location(0x0102030405060708L, 0x11121314, 4);
        assertThat(StateCodec.encodeLocation(location)).isEqualTo(expected);
        assertThat(StateCodec.decodeLocation(expected)).isEqualTo(location);
    }

    private static Transaction transaction(Operation operation) {
        return new Transaction(CHAIN, PublicKey.wrap(SENDER), NONCE, operation, Signature.wrap(SIGNATURE));
    }

    /** Encoding, sign-bytes and decoding of a transaction all agree with the hand-built layout. */
    private static void assertPinned(Operation operation, int kindCode, byte[] body) throws DecodeException {
        Transaction tx = transaction(operation);
        byte[] unsigned = HandLayout.unsignedTransaction(1, ascii(CHAIN), SENDER, NONCE, kindCode, body);

        assertThat(tx.encode()).isEqualTo(concat(unsigned, SIGNATURE));
        assertThat(tx.signBytes()).isEqualTo(concat(HandLayout.SIGN_TAG, unsigned));
        assertThat(Transaction.decode(concat(unsigned, SIGNATURE))).isEqualTo(tx);
        assertThat(tx.hash()).isEqualTo(Hash.of(unsigned, SIGNATURE));
    }
}
