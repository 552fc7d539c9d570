package io.cairn.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.consensus.testing.TestValidators;
import io.cairn.crypto.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The validators from genesis. Reference: PBFT section 4.1 (the primary of view v is v mod |R|);
 * Cairn numbers views per height, so the primary of view v at height h is (h - 1 + v) mod n.
 */
class ValidatorSetTest {
    @Test
    void eachHeightStartsWithTheNextValidatorAndEachViewPassesToTheOneAfter() {
        for (int n = 1; n <= 7; n++) {
            ValidatorSet validators = TestValidators.of(n);
            for (long height = 1; height <= 3L * n; height++) {
                for (long view = 0; view < 4L * n; view++) {
                    assertThat(validators.primary(height, view)).as("n = %d, height %d, view %d", n, height, view)
                            .isEqualTo((int) ((height - 1 + view) % n));
                }
            }
        }
    }

    @Test
    void thePrimaryOfTheLargestHeightAndViewIsStillAValidator() {
        ValidatorSet validators = TestValidators.of(4);
        assertThat(validators.primary(Long.MAX_VALUE, Long.MAX_VALUE)).isBetween(0, 3);
        assertThat(validators.primary(1, Long.MAX_VALUE)).isEqualTo((int) (Long.MAX_VALUE % 4));
    }

    @Test
    void refusesAKeyListedTwice() {
        List<PublicKey> keys = new ArrayList<>(TestValidators.keys(3));
        keys.add(keys.get(1));
        assertThatThrownBy(() -> new ValidatorSet(keys)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("validator key 3 is listed twice");
    }

    @Test
    void findsEachValidatorByItsKey() {
        ValidatorSet validators = TestValidators.of(5);
        for (int i = 0; i < 5; i++) {
            assertThat(validators.indexOf(TestValidators.key(i).publicKey())).isEqualTo(OptionalInt.of(i));
            assertThat(validators.key(i)).isEqualTo(TestValidators.key(i).publicKey());
        }
        assertThat(validators.indexOf(TestValidators.key(5).publicKey())).isEmpty();
        assertThat(validators.indexOf(TestValidators.forger().publicKey())).isEmpty();
    }

    @Test
    void containsExactlyTheIndexesOfItsKeys() {
        ValidatorSet validators = TestValidators.of(4);
        assertThat(validators.size()).isEqualTo(4);
        assertThat(validators.contains(-1)).isFalse();
        assertThat(validators.contains(0)).isTrue();
        assertThat(validators.contains(3)).isTrue();
        assertThat(validators.contains(4)).isFalse();
        assertThat(validators.quorum()).isEqualTo(new Quorum(4));
    }

    @Test
    void aConfigMustNameOneOfItsValidators() {
        assertThatThrownBy(() -> TestValidators.config(4, 4, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("validator 4 is not in a set of 4");
    }
}
