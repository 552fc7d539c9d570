package io.cairn.consensus.statemachine;

import io.cairn.consensus.Ready.SyncRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Notices that this node is behind and asks the node to fetch blocks: when a certificate shows a
 * height decided that this node has not applied, or when f + 1 validators (so at least one
 * honest) send valid messages for later heights. Repeats the request every timeout until caught up.
 */
final class Syncing {
    private final CoreState state;
    private final Map<Integer, Long> peerHeights = new HashMap<>();
    private long target;
    private int cooldown;
    /** The peers named in the last request: a repeat names them again when no peer has shown a later height. */
    private List<Integer> holders = List.of();

    Syncing(CoreState state) {
        this.state = state;
    }

    /** Validator {@code sender} signed a message for {@code height}: it has applied height - 1. */
    void saw(int sender, long height) {
        if (peerHeights.merge(sender, height, Math::max) != height || height <= state.height) {
            return;
        }
        List<Long> ahead = new ArrayList<>();
        for (long peerHeight : peerHeights.values()) {
            if (peerHeight > state.height) {
                ahead.add(peerHeight);
            }
        }
        int weak = state.validators.quorum().weak();
        if (ahead.size() >= weak) {
            ahead.sort((a, b) -> Long.compare(b, a));
            behind(ahead.get(weak - 1) - 1, peersAtOrAbove(ahead.get(weak - 1)));
        }
    }

    /** Blocks up to {@code targetHeight} are final elsewhere; {@code peers} have them. */
    void behind(long targetHeight, List<Integer> peers) {
        if (targetHeight < state.height) {
            return;
        }
        if (targetHeight > target || cooldown == 0) {
            target = Math.max(target, targetHeight);
            cooldown = state.config.timeoutTicks();
            if (!peers.isEmpty()) {
                holders = List.copyOf(peers);
            }
            state.requestSync(new SyncRequest(state.height, target, peers));
        }
    }

    void onTick() {
        if (cooldown > 0) {
            cooldown--;
        }
        if (target >= state.height && cooldown == 0 && !state.awaitingApply) {
            List<Integer> peers = peersAtOrAbove(target + 1);
            behind(target, peers.isEmpty() ? holders : peers);
        }
    }

    private List<Integer> peersAtOrAbove(long height) {
        List<Integer> peers = new ArrayList<>();
        peerHeights.forEach((peer, peerHeight) -> {
            if (peerHeight >= height) {
                peers.add(peer);
            }
        });
        peers.sort(Integer::compare);
        return peers;
    }
}
