package io.cairn.ledger.store;

import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Transaction;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Ways a store of three committed blocks can be damaged, each written as raw entries, and the
 * problem the refusal must name. Height 3 is the head throughout.
 */
enum StoreDamage {
    SCHEMA_MISSING("the schema version is missing", (kv, chain) -> delete(kv, StoreLayout.SCHEMA)),
    UNKNOWN_SCHEMA_VERSION("schema version 3 is not the one this Cairn understands (2)",
            (kv, chain) -> put(kv, StoreLayout.SCHEMA, StoreLayout.u32(3))),
    // Schema 1 stores have no account index: their account histories would be silently empty.
    SCHEMA_WITHOUT_THE_ACCOUNT_INDEX("schema version 1 is not the one this Cairn understands (2)",
            (kv, chain) -> put(kv, StoreLayout.SCHEMA, StoreLayout.u32(1))),
    GENESIS_MARKER_MISSING("holds data but no genesis marker", (kv, chain) -> delete(kv, StoreLayout.GENESIS)),
    HEAD_MISSING("the head is missing", (kv, chain) -> delete(kv, StoreLayout.HEAD)),
    MALFORMED_HEAD("the head record is 10 bytes, expected 40", (kv, chain) -> put(kv, StoreLayout.HEAD, new byte[10])),
    NEGATIVE_HEAD_HEIGHT("the head height is negative",
            (kv, chain) -> put(kv, StoreLayout.HEAD, StoreLayout.head(-1, chain.block(3).hash()))),
    HEAD_ABOVE_THE_BLOCKS("the head says height 4 (%next%) but header 4 is missing",
            (kv, chain) -> put(kv, StoreLayout.HEAD, StoreLayout.head(4, chain.next().block().hash()))),
    HEAD_BACK_AT_GENESIS("the head says height 0 but the store holds data for height 1",
            (kv, chain) -> put(kv, StoreLayout.HEAD, StoreLayout.head(0, chain.chain().genesis().hash()))),
    HEAD_HASH_NOT_THE_HEADERS("header 3 hashes to",
            (kv, chain) -> put(kv, StoreLayout.HEAD, StoreLayout.head(3, chain.block(2).hash()))),
    HEADER_MISSING("header 3 is missing", (kv, chain) -> delete(kv, byHeight(StoreLayout.HEADER, 3))),
    UNDECODABLE_HEADER("header 3 is damaged", (kv, chain) -> put(kv, byHeight(StoreLayout.HEADER, 3),
            truncated(chain.header(3).encode()))),
    BLOCK_MISSING("block 3 is missing", (kv, chain) -> delete(kv, byHeight(StoreLayout.BLOCK, 3))),
    UNDECODABLE_BLOCK("block 3 is damaged", (kv, chain) -> put(kv, byHeight(StoreLayout.BLOCK, 3),
            truncated(chain.block(3).encode()))),
    BLOCK_WITH_ANOTHER_HEADER("block 3 has another header",
            (kv, chain) -> put(kv, byHeight(StoreLayout.BLOCK, 3), chain.block(2).encode())),
    CERTIFICATE_MISSING("the certificate of block 3 is missing",
            (kv, chain) -> delete(kv, byHeight(StoreLayout.CERTIFICATE, 3))),
    UNDECODABLE_CERTIFICATE("the certificate of block 3 is damaged",
            (kv, chain) -> put(kv, byHeight(StoreLayout.CERTIFICATE, 3), truncated(chain.certificate(3).encode()))),
    CERTIFICATE_FOR_ANOTHER_BLOCK("the certificate at that height is for another block", (kv, chain) -> {
        CommitCertificate genuine = chain.certificate(3);
        put(kv, byHeight(StoreLayout.CERTIFICATE, 3),
                new CommitCertificate(3, genuine.view(), chain.block(2).hash(), genuine.signatures()).encode());
    }),
    HASH_INDEX_MISSING("the hash index does not point to it",
            (kv, chain) -> delete(kv, StoreLayout.byHash(StoreLayout.HEIGHT_BY_HASH, chain.block(3).hash()))),
    HASH_INDEX_POINTING_ELSEWHERE("the hash index does not point to it",
            (kv, chain) -> put(kv, StoreLayout.byHash(StoreLayout.HEIGHT_BY_HASH, chain.block(3).hash()), StoreLayout.u64(2))),
    ACCOUNT_INDEX_MISSING_THE_SENDER("the account index does not list its transaction 0 under account", (kv, chain) -> {
        Transaction first = chain.block(3).transactions().get(0);
        delete(kv, StoreLayout.accountTransaction(first.sender(), 3, 0));
    }),
    ACCOUNT_INDEX_MISSING_A_RECIPIENT("the account index does not list its transaction", (kv, chain) -> {
        List<Transaction> transactions = chain.block(3).transactions();
        for (int i = 0; i < transactions.size(); i++) {
            if (transactions.get(i).operation() instanceof Operation.Transfer transfer
                    && !transfer.to().equals(transactions.get(i).sender())) {
                delete(kv, StoreLayout.accountTransaction(transfer.to(), 3, i));
                return;
            }
        }
        throw new AssertionError("block 3 of the damaged chain holds no transfer to another account");
    }),
    ACCOUNT_INDEX_NAMING_ANOTHER_TRANSACTION("the account index does not list its transaction 0 under account",
            (kv, chain) -> {
                Transaction first = chain.block(3).transactions().get(0);
                put(kv, StoreLayout.accountTransaction(first.sender(), 3, 0),
                        chain.block(3).transactions().get(1).hash().toByteArray());
            }),
    BLOCK_ABOVE_THE_HEAD("the store holds data for height 4 ('B' entry)",
            (kv, chain) -> put(kv, byHeight(StoreLayout.BLOCK, 4), chain.next().block().encode())),
    HEADER_ABOVE_THE_HEAD("the store holds data for height 4 ('H' entry)",
            (kv, chain) -> put(kv, byHeight(StoreLayout.HEADER, 4), chain.next().block().header().encode())),
    CERTIFICATE_ABOVE_THE_HEAD("the store holds data for height 4 ('C' entry)", (kv, chain) -> put(kv,
            byHeight(StoreLayout.CERTIFICATE, 4), chain.chain().certify(chain.next().block()).encode())),
    PARENT_HEADER_MISSING("header 2 is missing", (kv, chain) -> delete(kv, byHeight(StoreLayout.HEADER, 2))),
    PARENT_HASH_CHAIN_BROKEN("its parent hash is not block 2's hash", (kv, chain) -> {
        BlockHeader parent = chain.header(2);
        BlockHeader another = new BlockHeader(2, parent.parentHash(), parent.timestampMillis() + 1, parent.proposer(),
                parent.view(), parent.transactionsRoot(), parent.stateRoot(), parent.transactionCount());
        put(kv, byHeight(StoreLayout.HEADER, 2), another.encode());
    });

    private final String problem;
    private final BiConsumer<KeyValueStore, CommittedChain> damage;

    StoreDamage(String problem, BiConsumer<KeyValueStore, CommittedChain> damage) {
        this.problem = problem;
        this.damage = damage;
    }

    void apply(KeyValueStore kv, CommittedChain chain) {
        damage.accept(kv, chain);
    }

    /** What the refusal must say, for this chain. */
    String problem(CommittedChain chain) {
        return problem.replace("%next%", chain.next().block().hash().toString());
    }

    private static byte[] byHeight(byte prefix, long height) {
        return StoreLayout.byHeight(prefix, height);
    }

    private static byte[] truncated(byte[] encoded) {
        return Arrays.copyOf(encoded, encoded.length - 1);
    }

    private static void put(KeyValueStore kv, byte[] key, byte[] value) {
        kv.write(new WriteBatch().put(key, value), true);
    }

    private static void delete(KeyValueStore kv, byte[] key) {
        kv.write(new WriteBatch().delete(key), true);
    }
}
