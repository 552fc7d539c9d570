package io.cairn.ledger.store;

class InMemoryLedgerStoreTest extends LedgerStoreContract {
    @Override
    StoreBackend backend() {
        return StoreBackend.inMemory();
    }
}
