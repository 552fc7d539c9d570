package io.cairn.ledger.store;

class InMemoryKeyValueStoreTest extends KeyValueStoreContract {
    @Override
    StoreBackend backend() {
        return StoreBackend.inMemory();
    }
}
