package io.cairn.consensus.statemachine;

import io.cairn.consensus.messages.ConsensusMessage;
import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.messages.NewView;
import io.cairn.consensus.messages.PrePrepare;
import io.cairn.consensus.messages.ViewChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages that arrived early (a later height, or a view this node has not entered yet), kept
 * until they apply. Bounded: at most {@code perSender} messages and {@code bytesPerSender} bytes
 * (blocks included) from each validator, one per (type, height, view), so neither replays nor a
 * faulty validator can grow it.
 */
public final class Inbox {
    private record Slot(int type, long height, long view) {}

    private static final Comparator<ConsensusMessage> ORDER = Comparator
            .comparingLong(ConsensusMessage::height)
            .thenComparingLong(ConsensusMessage::view)
            .thenComparingInt(message -> message.type().code())
            .thenComparingInt(ConsensusMessage::sender);

    /** A signature in a certificate with its validator index, as objects in memory. */
    private static final long SIGNATURE_BYTES = 128;

    private final int perSender;
    private final long bytesPerSender;
    private final Map<Integer, Map<Slot, ConsensusMessage>> bySender = new HashMap<>();
    private final Map<Integer, Long> bytesBySender = new HashMap<>();

    public Inbox(int perSender, long bytesPerSender) {
        this.perSender = perSender;
        this.bytesPerSender = bytesPerSender;
    }

    /** Keeps {@code message}; false when its sender's share is full or the slot is taken. */
    public boolean add(ConsensusMessage message) {
        Map<Slot, ConsensusMessage> slots = bySender.computeIfAbsent(message.sender(), s -> new LinkedHashMap<>());
        Slot slot = new Slot(message.type().code(), message.height(), message.view());
        long bytes = size(message);
        long used = bytesBySender.getOrDefault(message.sender(), 0L);
        if (slots.containsKey(slot) || slots.size() >= perSender || used + bytes > bytesPerSender) {
            return false;
        }
        slots.put(slot, message);
        bytesBySender.put(message.sender(), used + bytes);
        return true;
    }

    /**
     * About what a message holds in memory: its blocks, its certificates, and a little for the rest.
     * A NEW-VIEW's proof counts too: it is checked only once its height comes, and the codec lets
     * it hold 256 view changes of two 256-signature certificates each, about 8 MiB.
     */
    private static long size(ConsensusMessage message) {
        if (message instanceof PrePrepare prePrepare) {
            return 1024 + prePrepare.proposalSize();
        } else if (message instanceof ViewChange viewChange) {
            return size(viewChange);
        } else if (message instanceof NewView newView) {
            long size = 1024 + newView.prePrepare().map(PrePrepare::proposalSize).orElse(0);
            for (ViewChange viewChange : newView.viewChanges()) {
                size += size(viewChange);
            }
            return size;
        }
        return 1024;
    }

    private static long size(ViewChange viewChange) {
        int signatures = viewChange.lastCommit().map(c -> c.signatures().size()).orElse(0)
                + viewChange.prepared().map(p -> p.prepares().size()).orElse(0);
        return 1024 + viewChange.preparedProposalSize() + SIGNATURE_BYTES * signatures;
    }

    /**
     * Removes and returns, in (height, view, type, sender) order, the messages for {@code height}:
     * view changes and new views of any view, other messages of views up to {@code view}. Drops
     * messages for heights below {@code height}.
     */
    public List<ConsensusMessage> takeReady(long height, long view) {
        List<ConsensusMessage> ready = new ArrayList<>();
        for (Map<Slot, ConsensusMessage> slots : bySender.values()) {
            slots.values().removeIf(message -> {
                if (message.height() < height) {
                    bytesBySender.merge(message.sender(), -size(message), Long::sum);
                    return true;
                }
                boolean viewChange = message.type() == MessageType.VIEW_CHANGE || message.type() == MessageType.NEW_VIEW;
                if (message.height() == height && (viewChange || message.view() <= view)) {
                    ready.add(message);
                    bytesBySender.merge(message.sender(), -size(message), Long::sum);
                    return true;
                }
                return false;
            });
        }
        ready.sort(ORDER);
        return ready;
    }

    public int size() {
        int size = 0;
        for (Map<Slot, ConsensusMessage> slots : bySender.values()) {
            size += slots.size();
        }
        return size;
    }
}
