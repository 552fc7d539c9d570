package io.cairn.ledger.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ledger.Account;
import io.cairn.ledger.Block;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.CommitCertificate.ValidatorSignature;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Permission;
import io.cairn.ledger.ProtocolLimits;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.codec.StateCodec.TransactionLocation;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsCoverage;

/**
 * decode(encode(x)) == x for every value, and the encoding is exactly as long as the layout
 * says. Coverage checks prove the generators really produced each edge value.
 */
class RoundTripTest {

    @Property(tries = 1000)
    void transactionsRoundTrip(@ForAll("transactions") Transaction tx) throws DecodeException {
        byte[] encoded = tx.encode();

        assertThat(encoded).hasSize(tx.encodedSize());
        assertThat(Transaction.decode(encoded)).isEqualTo(tx);
        collectTransactionEdges(tx);
        Statistics.label("kind").coverage(everyValueSeen(Operation.Kind.values()));
        Statistics.label("permission").coverage(everyValueSeen(Permission.values()));
        Statistics.label("nonce").coverage(everyValueSeen("min", "max"));
        Statistics.label("amount").coverage(everyValueSeen("min", "max"));
        Statistics.label("put key").coverage(everyValueSeen("min", "max"));
        Statistics.label("put value").coverage(everyValueSeen("min", "max"));
        Statistics.label("chain id length").coverage(everyValueSeen("min", "max"));
    }

    @Property(tries = 150)
    void blocksRoundTrip(@ForAll("blocks") Block block) throws DecodeException {
        assertThat(Block.decode(block.encode())).isEqualTo(block);
        Statistics.label("transactions").collect(edge(block.transactions().size(), 0, 20));
        Statistics.label("transactions").coverage(everyValueSeen("min", "max", "between"));
    }

    @Property(tries = 300)
    void blocksOfSmallTransactionsRoundTrip(@ForAll("smallBlocks") Block block) throws DecodeException {
        // Small puts are the shortest transactions: the block decoder's size pre-check must admit them.
        assertThat(Block.decode(block.encode())).isEqualTo(block);
    }

    @Property(tries = 1000)
    void noTransactionIsShorterThanTheBlockDecoderAssumes(@ForAll("smallTransactions") Transaction tx) {
        assertThat(tx.encodedSize()).isGreaterThanOrEqualTo(BlockCodec.MIN_TRANSACTION_BYTES);
        Statistics.label("smallest").collect(tx.encodedSize() == BlockCodec.MIN_TRANSACTION_BYTES);
        Statistics.label("smallest").coverage(everyValueSeen(true));
    }

    @Property(tries = 500)
    void headersRoundTrip(@ForAll("headers") BlockHeader header) throws DecodeException {
        byte[] encoded = header.encode();

        assertThat(encoded).hasSize(BlockCodec.HEADER_BYTES);
        assertThat(BlockHeader.decode(encoded)).isEqualTo(header);
        Statistics.label("height").collect(edge(header.height(), 1, Long.MAX_VALUE));
        Statistics.label("count").collect(edge(header.transactionCount(), 0, ProtocolLimits.BLOCK_MAX_TRANSACTIONS));
        Statistics.label("height").coverage(everyValueSeen("min", "max"));
        Statistics.label("count").coverage(everyValueSeen("min", "max"));
    }

    @Property(tries = 300)
    void certificatesRoundTrip(@ForAll("certificates") CommitCertificate certificate) throws DecodeException {
        byte[] encoded = certificate.encode();

        assertThat(encoded).hasSize(8 + 8 + 32 + 2 + certificate.signatures().size() * (2 + 64));
        assertThat(CommitCertificate.decode(encoded)).isEqualTo(certificate);
        List<ValidatorSignature> signatures = certificate.signatures();
        Statistics.label("signatures").collect(edge(signatures.size(), 1, ProtocolLimits.MAX_VALIDATORS));
        Statistics.label("signatures").coverage(everyValueSeen("min", "max"));
    }

    @Property(tries = 500)
    void accountsRoundTrip(@ForAll("accounts") Account account) throws DecodeException {
        byte[] encoded = StateCodec.encodeAccount(account);

        assertThat(encoded).hasSize(StateCodec.ACCOUNT_BYTES);
        assertThat(StateCodec.decodeAccount(encoded)).isEqualTo(account);
        Statistics.label("permissions").collect(Permission.toBits(account.permissions()));
        Statistics.label("permissions").coverage(everyValueSeen(0, 1, 2, 3, 4, 5, 6, 7));
    }

    @Property(tries = 500)
    void locationsRoundTrip(@ForAll("locations") TransactionLocation location) throws DecodeException {
        byte[] encoded = StateCodec.encodeLocation(location);

        assertThat(encoded).hasSize(13);
        assertThat(StateCodec.decodeLocation(encoded)).isEqualTo(location);
        Statistics.label("index").collect(edge(location.index(), 0, Integer.MAX_VALUE));
        Statistics.label("index").coverage(everyValueSeen("min", "max"));
    }

    private static void collectTransactionEdges(Transaction tx) {
        Operation operation = tx.operation();
        Statistics.label("kind").collect(operation.kind());
        Statistics.label("nonce").collect(edge(tx.nonce(), 0, Long.MAX_VALUE));
        Statistics.label("chain id length").collect(edge(tx.chainId().length(), 1, ProtocolLimits.CHAIN_ID_MAX_LENGTH));
        if (operation instanceof Operation.Transfer transfer) {
            Statistics.label("amount").collect(edge(transfer.amount(), 1, Long.MAX_VALUE));
        } else if (operation instanceof Operation.Put put) {
            Statistics.label("put key").collect(edge(put.keyLength(), 1, ProtocolLimits.PUT_KEY_MAX_BYTES));
            Statistics.label("put value").collect(edge(put.valueLength(), 0, ProtocolLimits.PUT_VALUE_MAX_BYTES));
        } else if (operation instanceof Operation.Grant grant) {
            Statistics.label("permission").collect(grant.permission());
        } else if (operation instanceof Operation.Revoke revoke) {
            Statistics.label("permission").collect(revoke.permission());
        }
    }

    private static String edge(long value, long min, long max) {
        return value == min ? "min" : value == max ? "max" : "between";
    }

    private static Consumer<StatisticsCoverage> everyValueSeen(Object... values) {
        return coverage -> {
            for (Object value : values) {
                coverage.check(value).count(n -> n > 0);
            }
        };
    }

    @Provide
    Arbitrary<Transaction> transactions() {
        return CodecArbitraries.transactions(true);
    }

    @Provide
    Arbitrary<Block> blocks() {
        return CodecArbitraries.blocks(20, true);
    }

    @Provide
    Arbitrary<Block> smallBlocks() {
        return CodecArbitraries.blocks(20, false);
    }

    @Provide
    Arbitrary<Transaction> smallTransactions() {
        return CodecArbitraries.transactions(false);
    }

    @Provide
    Arbitrary<BlockHeader> headers() {
        return CodecArbitraries.headers();
    }

    @Provide
    Arbitrary<CommitCertificate> certificates() {
        return CodecArbitraries.certificates(ProtocolLimits.MAX_VALIDATORS);
    }

    @Provide
    Arbitrary<Account> accounts() {
        return CodecArbitraries.accounts();
    }

    @Provide
    Arbitrary<TransactionLocation> locations() {
        return CodecArbitraries.locations();
    }
}
