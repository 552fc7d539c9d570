package io.cairn.node.chain;

import io.cairn.consensus.Ready.Outbound;
import io.cairn.consensus.messages.VoteMessage;
import io.cairn.consensus.messages.Vote;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An optional audit trail of every vote this validator signs, one line per vote, written after
 * the votes are persisted and before they are sent: {@code height view TYPE digest}. It lets an
 * operator (and the restart tests) check that the validator never signed two different blocks for
 * one height, view and phase, across any number of crashes. Lines are appended without fsync: a
 * killed process loses nothing the kernel already has.
 */
public final class VoteLog implements AutoCloseable {
    private final BufferedWriter out;
    private final int self;

    private VoteLog(BufferedWriter out, int self) {
        this.out = out;
        this.self = self;
    }

    public static VoteLog append(Path file, int self) throws IOException {
        return new VoteLog(Files.newBufferedWriter(file, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE), self);
    }

    /** Records this validator's own votes among {@code messages}, then hands them to the kernel. */
    public void record(List<Outbound> messages) {
        try {
            boolean wrote = false;
            for (Outbound outbound : messages) {
                if (outbound.message() instanceof VoteMessage message && message.sender() == self) {
                    Vote vote = message.vote();
                    out.write(vote.height() + " " + vote.view() + " " + vote.type() + " " + vote.digest() + "\n");
                    wrote = true;
                }
            }
            if (wrote) {
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the vote log", e);
        }
    }

    /**
     * The first pair of lines in a vote log that sign different blocks for the same height, view
     * and phase, if any: proof that the validator equivocated.
     */
    public static Optional<String> firstConflict(List<String> lines) {
        Map<String, String> seen = new HashMap<>();
        for (String line : lines) {
            String[] parts = line.trim().split(" ");
            if (parts.length != 4 || parts[3].length() != 64) {
                continue; // a line cut short by a crash
            }
            String slot = parts[0] + " " + parts[1] + " " + parts[2];
            String before = seen.putIfAbsent(slot, parts[3]);
            if (before != null && !before.equals(parts[3])) {
                return Optional.of("at height/view/phase " + slot + " it signed " + before + " and " + parts[3]);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
