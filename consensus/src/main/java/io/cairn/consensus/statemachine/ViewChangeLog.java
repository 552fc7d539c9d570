package io.cairn.consensus.statemachine;

import io.cairn.consensus.messages.ViewChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The VIEW-CHANGE messages received for views not yet entered, one per sender and view (a newer
 * one for a higher height replaces it). Views far ahead are refused by the caller; views behind
 * are forgotten as the node moves on, so the log stays within (views ahead) x (validators).
 */
public final class ViewChangeLog {
    private final TreeMap<Long, Map<Integer, ViewChange>> byView = new TreeMap<>();

    public void add(ViewChange viewChange) {
        Map<Integer, ViewChange> senders = byView.computeIfAbsent(viewChange.newView(), v -> new HashMap<>());
        ViewChange earlier = senders.get(viewChange.sender());
        if (earlier == null || viewChange.height() > earlier.height()) {
            senders.put(viewChange.sender(), viewChange);
        }
    }

    public List<ViewChange> forView(long view) {
        List<ViewChange> result = new ArrayList<>(byView.getOrDefault(view, Map.of()).values());
        result.sort((a, b) -> Integer.compare(a.sender(), b.sender()));
        return result;
    }

    /** For each sender, the highest view above {@code view} it asked for. */
    public Map<Integer, Long> highestViewAbove(long view) {
        Map<Integer, Long> highest = new HashMap<>();
        for (Map.Entry<Long, Map<Integer, ViewChange>> entry : byView.tailMap(view, false).entrySet()) {
            for (Integer sender : entry.getValue().keySet()) {
                highest.merge(sender, entry.getKey(), Math::max);
            }
        }
        return highest;
    }

    /** The lowest view above {@code view} that some validator asked for. */
    public OptionalLong lowestViewAbove(long view) {
        Long above = byView.higherKey(view);
        return above == null ? OptionalLong.empty() : OptionalLong.of(above);
    }

    /** Forgets views below {@code view}. */
    public void forgetBefore(long view) {
        byView.headMap(view, false).clear();
    }
}
