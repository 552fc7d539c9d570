package io.cairn.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.consensus.Ready.Outbound;
import io.cairn.consensus.messages.Commit;
import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.messages.Prepare;
import io.cairn.consensus.messages.Vote;
import io.cairn.crypto.Hash;
import io.cairn.crypto.KeyPair;
import io.cairn.crypto.Signature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoteLogTest {
    private static final Signature SIGNATURE = KeyPair.fromLabel("v").sign(new byte[] {1});

    private static Vote vote(MessageType type, long height, long view, String block, int sender) {
        return new Vote(type, height, view, Hash.of(block.getBytes(StandardCharsets.UTF_8)), sender, SIGNATURE);
    }

    @Test
    void recordsOnlyItsOwnVotesOneLineEach(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("votes.log");
        try (VoteLog log = VoteLog.append(file, 1)) {
            log.record(List.of(Outbound.broadcast(new Commit(vote(MessageType.COMMIT, 4, 0, "a", 1))),
                    Outbound.to(2, new Commit(vote(MessageType.COMMIT, 3, 0, "b", 0)))));
            log.record(List.of(Outbound.broadcast(new Prepare(vote(MessageType.PREPARE, 5, 2, "c", 1), SIGNATURE))));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).containsExactly("4 0 COMMIT " + Hash.of("a".getBytes(StandardCharsets.UTF_8)),
                "5 2 PREPARE " + Hash.of("c".getBytes(StandardCharsets.UTF_8)));
        assertThat(VoteLog.firstConflict(lines)).isEmpty();
    }

    @Test
    void appendsAcrossRestarts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("votes.log");
        for (int height = 1; height <= 2; height++) {
            try (VoteLog log = VoteLog.append(file, 0)) {
                log.record(List.of(Outbound.broadcast(new Commit(vote(MessageType.COMMIT, height, 0, "x", 0)))));
            }
        }
        assertThat(Files.readAllLines(file)).hasSize(2);
    }

    @Test
    void findsTwoDifferentBlocksSignedForOneSlot() {
        String a = Hash.of(new byte[] {1}).toString();
        String b = Hash.of(new byte[] {2}).toString();
        assertThat(VoteLog.firstConflict(List.of("7 1 COMMIT " + a, "7 1 PREPARE " + b, "7 1 COMMIT " + a)))
                .isEmpty();
        assertThat(VoteLog.firstConflict(List.of("7 1 COMMIT " + a, "8 0 COMMIT " + b, "7 1 COMMIT " + b)))
                .hasValueSatisfying(conflict -> assertThat(conflict).contains("7 1 COMMIT").contains(a).contains(b));
    }

    @Test
    void ignoresALineCutShortByACrash() {
        String a = Hash.of(new byte[] {1}).toString();
        assertThat(VoteLog.firstConflict(List.of("7 1 COMMIT " + a, "7 1 COMMIT " + a.substring(0, 20)))).isEmpty();
    }
}
