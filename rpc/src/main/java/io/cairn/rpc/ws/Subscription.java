package io.cairn.rpc.ws;

import io.cairn.crypto.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One subscription of one client. It delivers from the moment it exists, but holds its
 * notifications until the answer carrying its id is queued, so a client never sees an id in a
 * notification before it learns it. Deliveries are serialised on it: a txStatus subscription never
 * shows "pending" after "committed", and its last notification is sent once.
 */
final class Subscription {
    private final String id;
    private final Topic topic;
    private final Optional<Hash> transaction;
    private final WsSession session;
    private boolean active = true;
    private boolean pendingShown;
    /** Notifications waiting for the answer with the id; null once it is queued. */
    private List<String> held = new ArrayList<>();

    Subscription(String id, Topic topic, Optional<Hash> transaction, WsSession session) {
        this.id = id;
        this.topic = topic;
        this.transaction = transaction;
        this.session = session;
    }

    String id() {
        return id;
    }

    Topic topic() {
        return topic;
    }

    /** The transaction a txStatus subscription watches; empty for the other topics. */
    Optional<Hash> transaction() {
        return transaction;
    }

    WsSession session() {
        return session;
    }

    /** Sends {@code result} (rendered JSON) unless the subscription ended. */
    synchronized void deliver(String result) {
        if (active) {
            send(result);
        }
    }

    /** A txStatus's "pending": sent at most once, and never after the end. */
    synchronized void deliverPending(String result) {
        if (active && !pendingShown) {
            pendingShown = true;
            send(result);
        }
    }

    /** Sends {@code result} as the last notification; false when the subscription had ended already. */
    synchronized boolean deliverLast(String result) {
        if (!active) {
            return false;
        }
        active = false;
        send(result);
        return true;
    }

    /** The answer with the id is queued: what was held goes out, and the rest as it comes. */
    synchronized void release() {
        List<String> waiting = held;
        held = null;
        if (waiting != null) {
            waiting.forEach(result -> session.notify(id, result));
        }
    }

    /** Ends the subscription at the client's request, dropping what was held; true only for the call that ended it. */
    synchronized boolean end() {
        boolean wasActive = active;
        active = false;
        if (held != null) {
            held.clear();
        }
        return wasActive;
    }

    private void send(String result) {
        if (held == null) {
            session.notify(id, result);
        } else if (held.size() < session.maxQueuedMessages()) {
            held.add(result);
        } else {
            session.overflowed(held.size());
        }
    }
}
