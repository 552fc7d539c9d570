package io.cairn.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.crypto.testing.RandomCases;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Quorum arithmetic. Reference: PBFT section 4 (n = 3f + 1, certificates of 2f + 1) and section
 * 4.4's quorum-intersection argument, generalised to any n as q = ceil((n + f + 1) / 2).
 */
class QuorumTest {
    private static final int MAX_N = 50;

    @Test
    void faultyIsTheLargestFWith3fPlus1AtMostN() {
        for (int n = 1; n <= MAX_N; n++) {
            int f = 0;
            while (3 * (f + 1) + 1 <= n) {
                f++;
            }
            assertThat(new Quorum(n).faulty()).as("f for n = %d", n).isEqualTo(f);
        }
    }

    @Test
    void anyTwoQuorumsShareAnHonestValidator() {
        // Two sets of q among n overlap in at least 2q - n; with f faulty, f + 1 of them leave an honest one.
        for (int n = 1; n <= MAX_N; n++) {
            Quorum quorum = new Quorum(n);
            assertThat(2 * quorum.size() - n).as("overlap for n = %d", n).isGreaterThanOrEqualTo(quorum.faulty() + 1);
        }
    }

    @Test
    void theHonestValidatorsAloneMakeAQuorum() {
        for (int n = 1; n <= MAX_N; n++) {
            Quorum quorum = new Quorum(n);
            assertThat(quorum.size()).as("q for n = %d", n).isLessThanOrEqualTo(n - quorum.faulty());
        }
    }

    @Test
    void isThePapers2fPlus1WhenNIs3fPlus1() {
        for (int f = 0; 3 * f + 1 <= MAX_N; f++) {
            Quorum quorum = new Quorum(3 * f + 1);
            assertThat(quorum.faulty()).isEqualTo(f);
            assertThat(quorum.size()).as("n = %d", 3 * f + 1).isEqualTo(2 * f + 1);
        }
    }

    @Test
    void oneFewerLosesTheIntersection() {
        for (int n = 1; n <= MAX_N; n++) {
            Quorum quorum = new Quorum(n);
            int smaller = quorum.size() - 1;
            assertThat(2 * smaller - n).as("overlap of q - 1 for n = %d", n).isLessThan(quorum.faulty() + 1);
        }
    }

    @Test
    void weakIsFPlus1() {
        for (int n = 1; n <= MAX_N; n++) {
            Quorum quorum = new Quorum(n);
            assertThat(quorum.weak()).isEqualTo(quorum.faulty() + 1);
        }
    }

    @ParameterizedTest(name = "n = {0}: f = {1}, q = {2}, weak = {3}")
    @CsvSource({
        "1, 0, 1, 1",
        "2, 0, 2, 1",
        "3, 0, 2, 1",
        "4, 1, 3, 2",
        "5, 1, 4, 2",
        "6, 1, 4, 2",
        "7, 2, 5, 3",
        "10, 3, 7, 4",
        "100, 33, 67, 34",
    })
    void table(int n, int f, int q, int weak) {
        Quorum quorum = new Quorum(n);
        assertThat(quorum.faulty()).isEqualTo(f);
        assertThat(quorum.size()).isEqualTo(q);
        assertThat(quorum.weak()).isEqualTo(weak);
    }

    @Test
    void thePapers2fPlus1WouldBeUnsafeForSixValidators() {
        // n = 6, f = 1: two disjoint sets of 2f + 1 = 3 could certify different blocks.
        assertThat(2 * 3 - 6).isLessThan(1 + 1);
        assertThat(new Quorum(6).size()).isEqualTo(4);
    }

    @Test
    void randomQuorumsAlwaysShareAnHonestValidator() {
        // The same property on concrete sets: whichever f validators are faulty.
        RandomCases.forAll("quorum sets intersect in an honest validator", 500, random -> {
            int n = 1 + random.nextInt(100);
            Quorum quorum = new Quorum(n);
            Set<Integer> faulty = new HashSet<>(pick(random, n, quorum.faulty()));
            Set<Integer> shared = new HashSet<>(pick(random, n, quorum.size()));
            shared.retainAll(pick(random, n, quorum.size()));
            shared.removeAll(faulty);
            assertThat(shared).as("n = %d", n).isNotEmpty();
        });
    }

    @Test
    void refusesAnEmptySet() {
        assertThatThrownBy(() -> new Quorum(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need at least one validator, got 0");
    }

    private static List<Integer> pick(java.util.Random random, int n, int count) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        Collections.shuffle(all, random);
        return all.subList(0, count);
    }
}
