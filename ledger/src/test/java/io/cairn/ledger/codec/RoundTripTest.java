package io.cairn.ledger.codec;

import static io.cairn.ledger.codec.Coverage.edge;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.crypto.Hex;
import io.cairn.crypto.testing.RandomCases;
import io.cairn.ledger.Account;
import io.cairn.ledger.Block;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Permission;
import io.cairn.ledger.ProtocolLimits;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.codec.StateCodec.TransactionLocation;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * decode(encode(x)) == x for every value, and the encoding is exactly as long as the layout
 * says. Coverage checks prove the generators really produced each edge value.
 */
class RoundTripTest {

    @Test
    void transactionsRoundTrip() {
        Coverage coverage = new Coverage();
        RandomCases.forAll("transactions round trip", 1000, random -> {
            Transaction tx = CodecGenerators.transaction(random, true);
            byte[] encoded = tx.encode();

            assertThat(encoded).as(describe(encoded)).hasSize(tx.encodedSize());
            assertThat(Transaction.decode(encoded)).as(describe(encoded)).isEqualTo(tx);
            collectTransactionEdges(coverage, tx);
        });
        coverage.assertEverySeen("kind", (Object[]) Operation.Kind.values());
        coverage.assertEverySeen("permission", (Object[]) Permission.values());
        coverage.assertEverySeen("nonce", "min", "max");
        coverage.assertEverySeen("amount", "min", "max");
        coverage.assertEverySeen("put key", "min", "max");
        coverage.assertEverySeen("put value", "min", "max");
        coverage.assertEverySeen("chain id length", "min", "max");
    }

    @Test
    void blocksRoundTrip() {
        Coverage coverage = new Coverage();
        RandomCases.forAll("blocks round trip", 150, random -> {
            Block block = CodecGenerators.block(random, 20, true);
            byte[] encoded = block.encode();

            assertThat(Block.decode(encoded)).as(describe(encoded)).isEqualTo(block);
            coverage.collect("transactions", edge(block.transactions().size(), 0, 20));
        });
        coverage.assertEverySeen("transactions", "min", "max", "between");
    }

    @Test
    void blocksOfSmallTransactionsRoundTrip() {
        // Small puts are the shortest transactions: the block decoder's size pre-check must admit them.
        RandomCases.forAll("blocks of small transactions round trip", 300, random -> {
            Block block = CodecGenerators.block(random, 20, false);
            byte[] encoded = block.encode();

            assertThat(Block.decode(encoded)).as(describe(encoded)).isEqualTo(block);
        });
    }

    @Test
    void noTransactionIsShorterThanTheBlockDecoderAssumes() {
        Coverage coverage = new Coverage();
        RandomCases.forAll("no transaction is shorter than the block decoder assumes", 1000, random -> {
            Transaction tx = CodecGenerators.transaction(random, false);

            assertThat(tx.encodedSize()).as(() -> "encoding " + Hex.encode(tx.encode()))
                    .isGreaterThanOrEqualTo(BlockCodec.MIN_TRANSACTION_BYTES);
            coverage.collect("smallest", tx.encodedSize() == BlockCodec.MIN_TRANSACTION_BYTES);
        });
        coverage.assertEverySeen("smallest", true);
    }

    @Test
    void headersRoundTrip() {
        Coverage coverage = new Coverage();
        RandomCases.forAll("headers round trip", 500, random -> {
            BlockHeader header = CodecGenerators.header(random);
            byte[] encoded = header.encode();

            assertThat(encoded).as(describe(encoded)).hasSize(BlockCodec.HEADER_BYTES);
            assertThat(BlockHeader.decode(encoded)).as(describe(encoded)).isEqualTo(header);
            coverage.collect("height", edge(header.height(), 1, Long.MAX_VALUE));
            coverage.collect("count", edge(header.transactionCount(), 0, ProtocolLimits.BLOCK_MAX_TRANSACTIONS));
        });
        coverage.assertEverySeen("height", "min", "max");
        coverage.assertEverySeen("count", "min", "max");
    }

    @Test
    void certificatesRoundTrip() {
        Coverage coverage = new Coverage();
        RandomCases.forAll("certificates round trip", 300, random -> {
            CommitCertificate certificate = CodecGenerators.certificate(random, ProtocolLimits.MAX_VALIDATORS);
            byte[] encoded = certificate.encode();
            int signatures = certificate.signatures().size();

            assertThat(encoded).as(describe(encoded)).hasSize(8 + 8 + 32 + 2 + signatures * (2 + 64));
            assertThat(CommitCertificate.decode(encoded)).as(describe(encoded)).isEqualTo(certificate);
            coverage.collect("signatures", edge(signatures, 1, ProtocolLimits.MAX_VALIDATORS));
        });
        coverage.assertEverySeen("signatures", "min", "max");
    }

    @Test
    void accountsRoundTrip() {
        Coverage coverage = new Coverage();
        RandomCases.forAll("accounts round trip", 500, random -> {
            Account account = CodecGenerators.account(random);
            byte[] encoded = StateCodec.encodeAccount(account);

            assertThat(encoded).as(describe(encoded)).hasSize(StateCodec.ACCOUNT_BYTES);
            assertThat(StateCodec.decodeAccount(encoded)).as(describe(encoded)).isEqualTo(account);
            coverage.collect("permissions", Permission.toBits(account.permissions()));
        });
        coverage.assertEverySeen("permissions", 0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void locationsRoundTrip() {
        Coverage coverage = new Coverage();
        RandomCases.forAll("locations round trip", 500, random -> {
            TransactionLocation location = CodecGenerators.location(random);
            byte[] encoded = StateCodec.encodeLocation(location);

            assertThat(encoded).as(describe(encoded)).hasSize(13);
            assertThat(StateCodec.decodeLocation(encoded)).as(describe(encoded)).isEqualTo(location);
            coverage.collect("index", edge(location.index(), 0, Integer.MAX_VALUE));
        });
        coverage.assertEverySeen("index", "min", "max");
    }

    private static void collectTransactionEdges(Coverage coverage, Transaction tx) {
        Operation operation = tx.operation();
        coverage.collect("kind", operation.kind());
        coverage.collect("nonce", edge(tx.nonce(), 0, Long.MAX_VALUE));
        coverage.collect("chain id length", edge(tx.chainId().length(), 1, ProtocolLimits.CHAIN_ID_MAX_LENGTH));
        if (operation instanceof Operation.Transfer transfer) {
            coverage.collect("amount", edge(transfer.amount(), 1, Long.MAX_VALUE));
        } else if (operation instanceof Operation.Put put) {
            coverage.collect("put key", edge(put.keyLength(), 1, ProtocolLimits.PUT_KEY_MAX_BYTES));
            coverage.collect("put value", edge(put.valueLength(), 0, ProtocolLimits.PUT_VALUE_MAX_BYTES));
        } else if (operation instanceof Operation.Grant grant) {
            coverage.collect("permission", grant.permission());
        } else if (operation instanceof Operation.Revoke revoke) {
            coverage.collect("permission", revoke.permission());
        }
    }

    /** The encoding in hex for the failure message, built only if an assertion fails. */
    private static Supplier<String> describe(byte[] encoded) {
        return () -> "encoding " + Hex.encode(encoded);
    }
}
