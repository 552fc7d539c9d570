package io.cairn.node.p2p;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Keeps what a network handed over, for tests to await. */
final class RecordingListener implements PeerListener {
    record Received(int from, String text) {}

    final Queue<Received> messages = new ConcurrentLinkedQueue<>();
    final Queue<String> events = new ConcurrentLinkedQueue<>();

    @Override
    public void onMessage(int validator, byte[] payload) {
        messages.add(new Received(validator, new String(payload, StandardCharsets.UTF_8)));
    }

    @Override
    public void onConnected(int validator) {
        events.add("connected " + validator);
    }

    @Override
    public void onDisconnected(int validator) {
        events.add("disconnected " + validator);
    }

    List<String> textsFrom(int validator) {
        return messages.stream().filter(m -> m.from() == validator).map(Received::text).toList();
    }

    boolean got(int from, String text) {
        return messages.contains(new Received(from, text));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
