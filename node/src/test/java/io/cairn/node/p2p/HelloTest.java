package io.cairn.node.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.crypto.Hash;
import io.cairn.crypto.encoding.DecodeException;
import io.cairn.crypto.testing.RandomCases;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HelloTest {
    private final Hello hello = new Hello(Hello.PROTOCOL_VERSION, "cairn-main", TestValidators.GENESIS, 3);

    @Test
    void roundTripsWithTheDocumentedLayout() throws Exception {
        byte[] encoded = hello.encode();

        // u16 version | u8 length + chain id | 32-byte genesis hash | u16 validator
        assertThat(encoded).hasSize(2 + 1 + "cairn-main".length() + Hash.SIZE + 2);
        assertThat(Arrays.copyOfRange(encoded, 0, 3)).containsExactly(0, 1, 10);
        assertThat(Arrays.copyOfRange(encoded, encoded.length - 2, encoded.length)).containsExactly(0, 3);
        assertThat(Hello.decode(encoded)).isEqualTo(hello);
    }

    @Test
    void anotherProtocolVersionIsRefusedBeforeTheRestIsRead() {
        byte[] encoded = hello.encode();
        encoded[1] = 2;
        assertThatThrownBy(() -> Hello.decode(Arrays.copyOf(encoded, 2)))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("version at byte 0: 2 is not the version this node speaks (1)");
    }

    @Test
    void trailingOrMissingBytesAreRefused() {
        byte[] encoded = hello.encode();
        assertThatThrownBy(() -> Hello.decode(Arrays.copyOf(encoded, encoded.length + 1)))
                .isInstanceOf(DecodeException.class).hasMessageContaining("1 trailing bytes");
        assertThatThrownBy(() -> Hello.decode(Arrays.copyOf(encoded, encoded.length - 1)))
                .isInstanceOf(DecodeException.class).hasMessageContaining("validator");
    }

    @Test
    void randomBytesNeverDecodeToAnythingButAHelloOrADecodeException() {
        RandomCases.forAll("hello fuzz", 2_000, random -> {
            byte[] bytes = RandomCases.bytes(random, 80);
            if (random.nextBoolean() && bytes.length >= 2) {
                bytes[0] = 0;
                bytes[1] = 1; // get past the version check to reach the other fields
            }
            try {
                Hello decoded = Hello.decode(bytes);
                assertThat(decoded.encode()).isEqualTo(bytes);
            } catch (DecodeException expected) {
                assertThat(expected.getMessage()).startsWith("malformed p2p hello");
            }
        });
    }
}
