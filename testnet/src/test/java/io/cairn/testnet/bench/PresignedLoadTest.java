package io.cairn.testnet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.crypto.Hex;
import io.cairn.crypto.KeyPair;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.testing.TestKeys;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PresignedLoadTest {
    private static final List<KeyPair> ACCOUNTS = IntStream.range(0, 3).mapToObj(TestKeys::account).toList();

    @Test
    void everyTransferDecodesVerifiesAndCarriesItsAccountsNextNoncesInOrder() throws Exception {
        long[] first = {0, 5, 12};
        PresignedLoad load = PresignedLoad.sign("cairn-bench", ACCOUNTS, first, 10);

        assertThat(load.total()).isEqualTo(10);
        assertThat(load.hashes()).hasSize(10);
        for (int k = 0; k < ACCOUNTS.size(); k++) {
            List<SignedTransfer> transfers = load.of(k);
            // 10 over 3 accounts: 4, 3, 3
            assertThat(transfers).hasSize(k == 0 ? 4 : 3);
            for (int i = 0; i < transfers.size(); i++) {
                SignedTransfer signed = transfers.get(i);
                Transaction tx = Transaction.decode(Hex.decode(signed.encodedHex()));
                assertThat(tx.hasValidSignature()).isTrue();
                assertThat(tx.chainId()).isEqualTo("cairn-bench");
                assertThat(tx.sender()).isEqualTo(ACCOUNTS.get(k).publicKey());
                assertThat(tx.nonce()).isEqualTo(first[k] + i).isEqualTo(signed.nonce());
                assertThat(tx.hash().toHex()).isEqualTo(signed.hash());
                assertThat(tx.operation()).isEqualTo(
                        new Operation.Transfer(ACCOUNTS.get((k + 1) % ACCOUNTS.size()).publicKey(), 1));
                assertThat(signed.account()).isEqualTo(k);
                assertThat(load.hashes()).contains(signed.hash());
            }
        }
    }

    @Test
    void badInputsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> PresignedLoad.sign("c", List.of(), new long[0], 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one account");
        assertThatThrownBy(() -> PresignedLoad.sign("c", ACCOUNTS, new long[2], 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 2 nonces for 3 accounts");
        assertThatThrownBy(() -> PresignedLoad.sign("c", ACCOUNTS, new long[3], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one transaction, got 0");
    }
}
