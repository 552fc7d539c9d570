package io.cairn.testnet.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Groups of nodes that can reach each other and nobody else: every node of the testnet is in
 * exactly one group, and there are at least two groups.
 */
public record Partition(List<Set<Integer>> groups, int nodes) {
    public Partition {
        groups = groups.stream().<Set<Integer>>map(group -> new TreeSet<>(group)).toList();
    }

    /**
     * Parses groups written as {@code 0,1 2,3}.
     *
     * @throws IllegalArgumentException saying which group or node is wrong
     */
    public static Partition parse(List<String> groupTexts, int nodes) {
        if (groupTexts.size() < 2) {
            throw new IllegalArgumentException("a partition needs at least two groups, e.g. 'partition 0,1 2,3'; got "
                    + groupTexts.size());
        }
        List<Set<Integer>> groups = new ArrayList<>();
        Set<Integer> seen = new TreeSet<>();
        for (String text : groupTexts) {
            Set<Integer> group = new TreeSet<>();
            for (String part : text.split(",", -1)) {
                int node = node(part.trim(), text, nodes);
                if (!seen.add(node)) {
                    throw new IllegalArgumentException("node " + node + " is in more than one group");
                }
                group.add(node);
            }
            groups.add(group);
        }
        Set<Integer> missing = new TreeSet<>();
        for (int i = 0; i < nodes; i++) {
            if (!seen.contains(i)) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("every node must be in exactly one group; not in any: " + missing);
        }
        return new Partition(groups, nodes);
    }

    private static int node(String part, String group, int nodes) {
        if (part.isEmpty() || !part.chars().allMatch(Character::isDigit) || part.length() > 9) {
            throw new IllegalArgumentException("group '" + group + "': '" + part
                    + "' is not a node number; write groups as comma-separated node numbers, e.g. 0,1");
        }
        int node = Integer.parseInt(part);
        if (node >= nodes) {
            throw new IllegalArgumentException("group '" + group + "': no node " + node + "; this testnet has nodes 0.."
                    + (nodes - 1));
        }
        return node;
    }

    /** The nodes outside {@code node}'s group: the ones it is cut off from. */
    public Set<Integer> cutOffFrom(int node) {
        Set<Integer> others = new TreeSet<>();
        for (int i = 0; i < nodes; i++) {
            others.add(i);
        }
        others.removeAll(groupOf(node));
        return others;
    }

    private Set<Integer> groupOf(int node) {
        return groups.stream().filter(group -> group.contains(node)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + node + " in " + this));
    }

    @Override
    public String toString() {
        return String.join(" | ", groups.stream().map(Object::toString).toList());
    }
}
