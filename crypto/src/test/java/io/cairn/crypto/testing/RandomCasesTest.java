package io.cairn.crypto.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RandomCasesTest {
    @Test
    void runsEveryCaseWithRepeatableSeeds() {
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        RandomCases.forAll("repeatable", 100, random -> first.add(random.nextInt()));
        RandomCases.forAll("repeatable", 100, random -> second.add(random.nextInt()));
        assertThat(first).hasSize(100).isEqualTo(second).doesNotHaveDuplicates();
    }

    @Test
    void aFailureNamesASeedThatReplaysIt() {
        RandomCases.Check failsOnMultiplesOfSeven = random -> {
            int value = random.nextInt(1000);
            assertThat(value % 7).as("value %d", value).isNotZero();
        };
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
                () -> RandomCases.forAll("fails sometimes", 1_000, failsOnMultiplesOfSeven));
        assertThat(failure).isInstanceOf(AssertionError.class).hasMessageContaining("replay it with");

        Matcher seed = Pattern.compile("replay\\((-?\\d+)L").matcher(failure.getMessage());
        assertThat(seed.find()).isTrue();
        assertThatThrownBy(() -> RandomCases.replay(Long.parseLong(seed.group(1)), failsOnMultiplesOfSeven))
                .isInstanceOf(AssertionError.class);
    }
}
