package io.cairn.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.crypto.testing.RandomCases;
import org.junit.jupiter.api.Test;

class HexTest {
    @Test
    void roundTrips() {
        RandomCases.forAll("hex round trip", 1_000, random -> {
            byte[] bytes = RandomCases.bytes(random, 100);
            assertThat(Hex.decode(Hex.encode(bytes))).isEqualTo(bytes);
            assertThat(Hex.decode(Hex.encode(bytes).toUpperCase())).isEqualTo(bytes);
        });
    }

    @Test
    void encodesLowerCase() {
        assertThat(Hex.encode(new byte[] {0x0a, (byte) 0xff})).isEqualTo("0aff");
    }

    @Test
    void rejectsOddLength() {
        assertThatThrownBy(() -> Hex.decode("abc")).hasMessageContaining("odd number");
    }

    @Test
    void rejectsNonHexCharactersIncludingOtherScriptsDigits() {
        assertThatThrownBy(() -> Hex.decode("0g")).hasMessageContaining("position 1");
        assertThatThrownBy(() -> Hex.decode("\u0661\u0662")).hasMessageContaining("position 0");
        assertThatThrownBy(() -> Hex.decode("0x00")).hasMessageContaining("position 1");
    }

    @Test
    void rejectsWrongLength() {
        assertThatThrownBy(() -> Hex.decode("00", 32)).hasMessageContaining("expected 64 hex characters");
    }
}
