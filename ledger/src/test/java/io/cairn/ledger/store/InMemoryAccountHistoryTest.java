package io.cairn.ledger.store;

class InMemoryAccountHistoryTest extends AccountHistoryContract {
    @Override
    StoreBackend backend() {
        return StoreBackend.inMemory();
    }
}
