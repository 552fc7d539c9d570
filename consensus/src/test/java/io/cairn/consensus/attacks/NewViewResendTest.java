package io.cairn.consensus.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.consensus.Event;
import io.cairn.consensus.Ready;
import io.cairn.consensus.messages.MessageCodec;
import io.cairn.consensus.messages.NewView;
import io.cairn.consensus.messages.ViewChange;
import io.cairn.consensus.testing.CoreHarness;
import io.cairn.consensus.testing.TestMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A primary that already started its view answers a VIEW-CHANGE for it with the NEW-VIEW, since
 * the sender may have missed it. Before the fix it did so for every copy: a Byzantine validator
 * replaying one small VIEW-CHANGE made the primary send its whole NEW-VIEW, block included, each
 * time (about 12,000 times the bytes it received, with a 1 MiB block). It now resends at most
 * once per validator and view.
 */
class NewViewResendTest {
    private static final int PRIMARY = 1; // of view 1 at height 1
    private static final int REPLAYS = 1_000;

    private final TestMessages messages = new TestMessages(4);
    private final CoreHarness primary = CoreHarness.of(4, PRIMARY, 10);
    private NewView started;

    @BeforeEach
    void startView1() {
        primary.start();
        primary.builder().propose("x".repeat(1 << 20)); // a 1 MiB block
        primary.step(new Event.WorkPending(true));
        primary.deliver(messages.viewChange(1, 1, 0));
        List<Ready.Outbound> broadcast = newViews(primary.deliver(messages.viewChange(1, 1, 2)));
        assertThat(broadcast).hasSize(1);
        started = (NewView) broadcast.get(0).message();
        assertThat(primary.core().view()).isEqualTo(1);
        assertThat(primary.core().changingView()).isFalse();
    }

    @Test
    void aReplayedViewChangeGetsTheNewViewOnce() {
        ViewChange replayed = messages.viewChange(1, 1, 3);
        List<Ready.Outbound> answers = new ArrayList<>();
        for (int i = 0; i < REPLAYS; i++) {
            answers.addAll(newViews(primary.deliver(replayed)));
        }

        assertThat(answers.size()).as("NEW-VIEWs sent for %d copies of one VIEW-CHANGE", REPLAYS).isOne();
        assertThat(answers.get(0)).isEqualTo(Ready.Outbound.to(3, started));
        long received = (long) REPLAYS * MessageCodec.encode(replayed).length;
        assertThat(MessageCodec.encode(started).length).as("what is at stake: one NEW-VIEW outweighs all the replays")
                .isGreaterThan((int) received);
    }

    @Test
    void eachValidatorIsAnsweredOncePerView() {
        List<Ready.Outbound> answers = new ArrayList<>();
        for (int i = 0; i < REPLAYS; i++) {
            for (int sender : new int[] {0, 2, 3}) {
                answers.addAll(newViews(primary.deliver(messages.viewChange(1, 1, sender))));
            }
        }

        Map<Integer, Long> perValidator = answers.stream()
                .collect(Collectors.groupingBy(answer -> answer.to().orElseThrow(), Collectors.counting()));
        assertThat(perValidator).isEqualTo(Map.of(0, 1L, 2, 1L, 3, 1L));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.message()).isEqualTo(started));
    }

    private static List<Ready.Outbound> newViews(Ready ready) {
        return ready.messages().stream().filter(out -> out.message() instanceof NewView).toList();
    }
}
