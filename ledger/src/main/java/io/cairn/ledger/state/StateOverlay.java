package io.cairn.ledger.state;

import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Account;
import io.cairn.ledger.codec.StateCodec;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Pending changes on top of a {@link WorldState}; reads see the changes first. */
public final class StateOverlay implements WorldState {
    private final WorldState base;
    private final Map<PublicKey, Account> accounts = new HashMap<>();
    private final Map<ByteBuffer, DataWrite> data = new HashMap<>();

    private record DataWrite(PublicKey owner, byte[] key, byte[] value) {}

    public StateOverlay(WorldState base) {
        this.base = base;
    }

    @Override
    public Optional<Account> account(PublicKey key) {
        Account pending = accounts.get(key);
        return pending != null ? Optional.of(pending) : base.account(key);
    }

    @Override
    public Optional<byte[]> data(PublicKey owner, byte[] key) {
        DataWrite pending = data.get(ByteBuffer.wrap(StateCodec.dataKey(owner, key)));
        return pending != null ? Optional.of(pending.value.clone()) : base.data(owner, key);
    }

    public void putAccount(PublicKey key, Account account) {
        accounts.put(key, account);
    }

    public void putData(PublicKey owner, byte[] key, byte[] value) {
        data.put(ByteBuffer.wrap(StateCodec.dataKey(owner, key)), new DataWrite(owner, key.clone(), value.clone()));
    }

    /** The entries whose value now differs from the base, encoded and in key order. */
    public StateChanges changes() {
        SortedMap<byte[], byte[]> writes = new TreeMap<>(Arrays::compareUnsigned);
        for (Map.Entry<PublicKey, Account> entry : accounts.entrySet()) {
            if (!base.account(entry.getKey()).equals(Optional.of(entry.getValue()))) {
                writes.put(StateCodec.accountKey(entry.getKey()), StateCodec.encodeAccount(entry.getValue()));
            }
        }
        for (Map.Entry<ByteBuffer, DataWrite> entry : data.entrySet()) {
            DataWrite write = entry.getValue();
            Optional<byte[]> before = base.data(write.owner, write.key);
            if (before.isEmpty() || !Arrays.equals(before.get(), write.value)) {
                writes.put(entry.getKey().array(), write.value);
            }
        }
        return new StateChanges(writes);
    }
}
