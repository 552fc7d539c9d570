package io.cairn.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ledger.state.BlockVerifier;
import io.cairn.ledger.state.GenesisState;
import io.cairn.ledger.state.ProposedBlock;
import io.cairn.ledger.state.SignatureVerifier;
import io.cairn.ledger.store.InMemoryKeyValueStore;
import io.cairn.ledger.store.LedgerStore;
import io.cairn.ledger.testing.TestChain;
import io.cairn.ledger.testing.TestGenesis;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void buildsVerifiesAndCommitsBlocks() throws Exception {
        Genesis genesis = TestGenesis.of(4, 20);
        TestChain chain = new TestChain(genesis, 1);
        try (LedgerStore store = LedgerStore.open(new InMemoryKeyValueStore(), genesis)) {
            assertThat(store.head()).isEqualTo(GenesisState.head(genesis));
            for (int i = 0; i < 5; i++) {
                ProposedBlock proposed = chain.nextBlock(store.head(), store, 50);
                assertThat(proposed.refused()).isEmpty();
                new BlockVerifier(genesis).verify(store.head(), store, proposed.block(), SignatureVerifier.ALWAYS);
                store.commit(proposed.block(), chain.certify(proposed.block()), proposed.execution());
            }
            assertThat(store.head().height()).isEqualTo(5);
            assertThat(store.block(5).orElseThrow().transactions()).hasSize(50);
        }
    }
}
