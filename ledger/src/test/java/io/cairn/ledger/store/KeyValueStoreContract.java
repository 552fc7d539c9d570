package io.cairn.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.cairn.crypto.Hex;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link LedgerStore} needs from every {@link KeyValueStore}; one subclass per backend. */
abstract class KeyValueStoreContract {
    private StoreBackend backend;
    private KeyValueStore kv;

    abstract StoreBackend backend();

    @BeforeEach
    void openStore() throws Exception {
        backend = backend();
        kv = backend.open();
    }

    @AfterEach
    void closeStores() {
        backend.closeAll();
    }

    @Test
    void readsBackWhatWasPutAndNothingAfterDelete() {
        kv.write(new WriteBatch().put(bytes(1, 2), bytes(10)).put(bytes(3), bytes()), true);

        assertThat(kv.get(bytes(1, 2))).hasValueSatisfying(value -> assertThat(value).containsExactly(10));
        assertThat(kv.get(bytes(3))).hasValueSatisfying(value -> assertThat(value).isEmpty());
        assertThat(kv.get(bytes(1))).isEmpty();

        kv.write(new WriteBatch().delete(bytes(1, 2)).put(bytes(3), bytes(30)), false);
        assertThat(kv.get(bytes(1, 2))).isEmpty();
        assertThat(kv.get(bytes(3))).hasValueSatisfying(value -> assertThat(value).containsExactly(30));
    }

    @Test
    void refusesUseAfterCloseWithAClearError() {
        // A closed leveldbjni handle points at freed memory: touching it could crash the JVM.
        kv.write(new WriteBatch().put(bytes(1), bytes(1)), true);
        kv.close();

        assertThatThrownBy(() -> kv.get(bytes(1))).isInstanceOf(StorageException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> kv.write(new WriteBatch().put(bytes(2), bytes(2)), true))
                .isInstanceOf(StorageException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> kv.scan(new byte[0], (key, value) -> {}))
                .isInstanceOf(StorageException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> kv.scanFrom(new byte[0], bytes(1), (key, value) -> true))
                .isInstanceOf(StorageException.class).hasMessageContaining("closed");
    }

    @Test
    void appliesABatchInOrderSoTheLastChangeToAKeyWins() {
        kv.write(new WriteBatch().put(bytes(5), bytes(1)).delete(bytes(5)).put(bytes(6), bytes(1)).put(bytes(6), bytes(2)),
                true);

        assertThat(kv.get(bytes(5))).isEmpty();
        assertThat(kv.get(bytes(6))).hasValueSatisfying(value -> assertThat(value).containsExactly(2));
    }

    @Test
    void keepsNoReferenceToTheCallersArrays() {
        // A caller may reuse its buffers; a store that kept them would see its key move or its value change.
        byte[] key = bytes(7);
        byte[] value = bytes(70);
        kv.write(new WriteBatch().put(key, value), true);
        key[0] = 8;
        value[0] = 0;
        kv.get(bytes(7)).orElseThrow()[0] = 0;

        assertThat(kv.get(bytes(7))).hasValueSatisfying(stored -> assertThat(stored).containsExactly(70));
        assertThat(kv.get(bytes(8))).isEmpty();
        assertThat(keys(new byte[0])).containsExactly("07");
    }

    @Test
    void scansInUnsignedKeyOrder() {
        // Written out of order; 0x80 and 0xff are negative as Java bytes but sort after 0x7f.
        kv.write(new WriteBatch().put(bytes(0xff), bytes(1)).put(bytes(0x80), bytes(2)).put(bytes(0x7f), bytes(3))
                .put(bytes(0x00), bytes(4)).put(bytes(0x7f, 0x00), bytes(5)).put(bytes(0x80, 0xff), bytes(6)), true);

        assertThat(keys(new byte[0])).containsExactly("00", "7f", "7f00", "80", "80ff", "ff");
    }

    @Test
    void scansOnlyTheKeysUnderThePrefix() {
        kv.write(new WriteBatch().put(bytes(0x41), bytes(1)).put(bytes(0x41, 0x00), bytes(2)).put(bytes(0x41, 0xff, 0x01), bytes(3))
                .put(bytes(0x40, 0xff), bytes(4)).put(bytes(0x42), bytes(5)).put(bytes(0x42, 0x00), bytes(6)), true);

        assertThat(keys(bytes(0x41))).containsExactly("41", "4100", "41ff01");
        assertThat(keys(bytes(0x41, 0xff))).containsExactly("41ff01");
        assertThat(keys(bytes(0x43))).isEmpty();
        assertThat(keys(bytes(0x40))).containsExactly("40ff");
    }

    @Test
    void scanFromStartsAtTheGivenKeyAndStaysUnderThePrefix() {
        kv.write(new WriteBatch().put(bytes(0x41, 0x00), bytes(1)).put(bytes(0x41, 0x7f), bytes(2))
                .put(bytes(0x41, 0x80), bytes(3)).put(bytes(0x41, 0xff), bytes(4)).put(bytes(0x42, 0x00), bytes(5))
                .put(bytes(0x40, 0xff), bytes(6)), true);

        assertThat(keysFrom(bytes(0x41), bytes(0x41), 10)).containsExactly("4100", "417f", "4180", "41ff");
        assertThat(keysFrom(bytes(0x41), bytes(0x41, 0x7f), 10)).containsExactly("417f", "4180", "41ff");
        // A start between two keys begins at the next one; 0x80 sorts after 0x7f although it is negative in Java.
        assertThat(keysFrom(bytes(0x41), bytes(0x41, 0x7f, 0x00), 10)).containsExactly("4180", "41ff");
        assertThat(keysFrom(bytes(0x41), bytes(0x41, 0xff, 0x00), 10)).isEmpty();
        assertThat(keysFrom(bytes(0x42), bytes(0x42, 0x00), 10)).containsExactly("4200");
    }

    @Test
    void scanFromStopsWhenTheVisitorSaysSo() {
        kv.write(new WriteBatch().put(bytes(0x41, 1), bytes(1)).put(bytes(0x41, 2), bytes(2))
                .put(bytes(0x41, 3), bytes(3)), true);

        assertThat(keysFrom(bytes(0x41), bytes(0x41), 1)).containsExactly("4101");
        assertThat(keysFrom(bytes(0x41), bytes(0x41, 2), 1)).containsExactly("4102");
        assertThat(keysFrom(bytes(0x41), bytes(0x41), 2)).containsExactly("4101", "4102");
    }

    @Test
    void scanFromRefusesAStartOutsideThePrefix() {
        // Seeking to 0x40.. would meet 0x40ff first, outside the prefix, and wrongly find nothing.
        kv.write(new WriteBatch().put(bytes(0x40, 0xff), bytes(1)).put(bytes(0x41, 1), bytes(2)), true);

        assertThatThrownBy(() -> keysFrom(bytes(0x41), bytes(0x40), 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must begin with its prefix");
        assertThat(keysFrom(bytes(0x41), bytes(0x41), 10)).containsExactly("4101");
    }

    @Test
    void scanHandsOutValuesWithTheirKeys() {
        kv.write(new WriteBatch().put(bytes(0x10, 1), bytes(11)).put(bytes(0x10, 2), bytes(22)), true);

        assertThat(StoreDump.withPrefix(kv, (byte) 0x10)).containsExactly(
                entry("1001", "0b"), entry("1002", "16"));
    }

    @Test
    void keepsEverythingAcrossCloseAndReopen() throws Exception {
        kv.write(new WriteBatch().put(bytes(1), bytes(1)).put(bytes(0x90, 2), bytes(2, 2)).put(bytes(3), bytes(3)), true);
        kv.write(new WriteBatch().delete(bytes(3)), true);
        var before = StoreDump.all(kv);
        kv.close();

        KeyValueStore reopened = backend.open();
        assertThat(StoreDump.all(reopened)).isEqualTo(before).containsOnlyKeys("01", "9002");
    }

    private List<String> keys(byte[] prefix) {
        List<String> keys = new ArrayList<>();
        kv.scan(prefix, (key, value) -> keys.add(Hex.encode(key)));
        return keys;
    }

    /** The keys from {@code from} under {@code prefix}, stopping after {@code max}. */
    private List<String> keysFrom(byte[] prefix, byte[] from, int max) {
        List<String> keys = new ArrayList<>();
        kv.scanFrom(prefix, from, (key, value) -> {
            keys.add(Hex.encode(key));
            return keys.size() < max;
        });
        return keys;
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
