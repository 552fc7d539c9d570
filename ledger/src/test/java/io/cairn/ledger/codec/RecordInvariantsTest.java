package io.cairn.ledger.codec;

import static io.cairn.ledger.codec.HandLayout.pattern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.crypto.Hash;
import io.cairn.crypto.PublicKey;
import io.cairn.crypto.Signature;
import io.cairn.ledger.Account;
import io.cairn.ledger.Block;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.CommitCertificate.ValidatorSignature;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Permission;
import io.cairn.ledger.Transaction;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The records refuse values the codec could not encode canonically, so a value that exists
 * always has exactly one encoding; decoders rely on this and never see these errors.
 */
class RecordInvariantsTest {
    private static final PublicKey KEY = PublicKey.wrap(pattern(32, 1));
    private static final Signature SIGNATURE = Signature.wrap(pattern(64, 2));
    private static final Operation GRANT = new Operation.Grant(KEY, Permission.PUT);

    @ParameterizedTest
    @ValueSource(longs = {-1, Long.MIN_VALUE})
    void transactionRejectsNegativeNonce(long nonce) {
        assertThatThrownBy(() -> new Transaction("c", KEY, nonce, GRANT, SIGNATURE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nonce must not be negative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a/b", "abcdefghijklmnopqrstuvwxyz0123456"})
    void transactionRejectsInvalidChainId(String chainId) {
        assertThatThrownBy(() -> new Transaction(chainId, KEY, 0, GRANT, SIGNATURE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chain id must be 1 to 32 characters");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void transferRejectsAmountBelowOne(long amount) {
        assertThatThrownBy(() -> new Operation.Transfer(KEY, amount))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a transfer amount must be positive");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 257})
    void putRejectsKeyOutside1To256Bytes(int length) {
        assertThatThrownBy(() -> new Operation.Put(new byte[length], new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a put key must be 1 to 256 bytes, got " + length);
    }

    @Test
    void putRejectsValueOver16384Bytes() {
        assertThatThrownBy(() -> new Operation.Put(new byte[1], new byte[16385]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a put value must be at most 16384 bytes, got 16385");
    }

    @Test
    void putComparesByContent() {
        Operation.Put put = new Operation.Put(new byte[] {1, 2}, new byte[] {3});
        Operation.Put same = new Operation.Put(new byte[] {1, 2}, new byte[] {3});

        assertThat(put).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(put).isNotEqualTo(new Operation.Put(new byte[] {1, 2}, new byte[] {4}));
        assertThat(put).isNotEqualTo(new Operation.Put(new byte[] {1}, new byte[] {2, 3}));
    }

    @Test
    void putIsNotChangedThroughItsArrays() {
        byte[] key = {1, 2};
        byte[] value = {3};
        Operation.Put put = new Operation.Put(key, value);

        key[0] = 9;
        value[0] = 9;
        put.key()[1] = 9;
        put.value()[0] = 9;

        assertThat(put.key()).containsExactly(1, 2);
        assertThat(put.value()).containsExactly(3);
        assertThat(put).isEqualTo(new Operation.Put(new byte[] {1, 2}, new byte[] {3}));
    }

    @Test
    void certificateRejectsUnsortedOrRepeatedValidators() {
        ValidatorSignature three = new ValidatorSignature(3, SIGNATURE);
        ValidatorSignature five = new ValidatorSignature(5, SIGNATURE);

        for (List<ValidatorSignature> signatures : List.of(List.of(five, three), List.of(three, three))) {
            assertThatThrownBy(() -> new CommitCertificate(1, 0, Hash.ZERO, signatures))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("strictly ascending validator order");
        }
    }

    @Test
    void certificateRejectsNoSignatures() {
        assertThatThrownBy(() -> new CommitCertificate(1, 0, Hash.ZERO, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one signature");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 256})
    void validatorSignatureRejectsIndexOutside0To255(int validator) {
        assertThatThrownBy(() -> new ValidatorSignature(validator, SIGNATURE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("validator index out of range: " + validator);
    }

    @Test
    void blockRejectsTransactionCountOtherThanTheHeaders() {
        Transaction tx = new Transaction("c", KEY, 0, GRANT, SIGNATURE);

        assertThatThrownBy(() -> new Block(header(2), List.of(tx)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header counts 2 transactions, block holds 1");
        assertThatThrownBy(() -> new Block(header(0), List.of(tx)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header counts 0 transactions, block holds 1");
    }

    @Test
    void headerRejectsHeightZeroAndCountOutOfRange() {
        assertThatThrownBy(() -> new BlockHeader(0, Hash.ZERO, 0, KEY, 0, Hash.ZERO, Hash.ZERO, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("block height starts at 1");
        assertThatThrownBy(() -> header(100_001))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("transaction count out of range: 100001");
    }

    @Test
    void accountRejectsNegativeBalanceAndNonce() {
        assertThatThrownBy(() -> new Account(-1, 0, Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("balance must not be negative");
        assertThatThrownBy(() -> new Account(0, -1, Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nonce must not be negative");
    }

    @Test
    void accountPermissionsCannotBeChangedFromOutside() {
        EnumSet<Permission> given = EnumSet.of(Permission.PUT);
        Account account = new Account(1, 0, given);

        given.add(Permission.ADMIN);

        assertThat(account.permissions()).containsExactly(Permission.PUT);
        assertThatThrownBy(() -> account.permissions().add(Permission.ADMIN))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static BlockHeader header(int transactionCount) {
        return new BlockHeader(1, Hash.ZERO, 0, KEY, 0, Hash.ZERO, Hash.ZERO, transactionCount);
    }
}
