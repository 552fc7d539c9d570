package io.cairn.testnet.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartitionTest {
    @Test
    void eachNodeIsCutOffFromEveryNodeOutsideItsGroup() {
        Partition halves = Partition.parse(List.of("0,1", "2,3"), 4);
        Partition minority = Partition.parse(List.of("3", " 2, 0 ,1"), 4);

        assertThat(halves.cutOffFrom(0)).isEqualTo(Set.of(2, 3));
        assertThat(halves.cutOffFrom(3)).isEqualTo(Set.of(0, 1));
        assertThat(minority.cutOffFrom(3)).isEqualTo(Set.of(0, 1, 2));
        assertThat(minority.cutOffFrom(1)).isEqualTo(Set.of(3));
        assertThat(halves).hasToString("[0, 1] | [2, 3]");
    }

    @Test
    void everyNodeMustBeInExactlyOneGroup() {
        assertThatThrownBy(() -> Partition.parse(List.of("0,1", "2"), 4))
                .hasMessage("every node must be in exactly one group; not in any: [3]");
        assertThatThrownBy(() -> Partition.parse(List.of("0,1", "1,2,3"), 4))
                .hasMessage("node 1 is in more than one group");
        assertThatThrownBy(() -> Partition.parse(List.of("0,1,2,3"), 4))
                .hasMessageStartingWith("a partition needs at least two groups");
    }

    @Test
    void aGroupOfAnythingButNodeNumbersIsRefused() {
        assertThatThrownBy(() -> Partition.parse(List.of("0,1", "2,4"), 4))
                .hasMessage("group '2,4': no node 4; this testnet has nodes 0..3");
        assertThatThrownBy(() -> Partition.parse(List.of("0,a", "1,2,3"), 4))
                .hasMessageStartingWith("group '0,a': 'a' is not a node number");
        assertThatThrownBy(() -> Partition.parse(List.of("0,,1", "2,3"), 4))
                .hasMessageStartingWith("group '0,,1': '' is not a node number");
        assertThatThrownBy(() -> Partition.parse(List.of("0,-1", "1,2,3"), 4))
                .hasMessageStartingWith("group '0,-1': '-1' is not a node number");
    }
}
