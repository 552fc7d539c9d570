package io.cairn.ledger.codec;

import io.cairn.crypto.Hash;
import io.cairn.crypto.PublicKey;
import io.cairn.crypto.Signature;
import io.cairn.ledger.Account;
import io.cairn.ledger.Block;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.CommitCertificate.ValidatorSignature;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Outcome;
import io.cairn.ledger.Permission;
import io.cairn.ledger.ProtocolLimits;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.codec.StateCodec.TransactionLocation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators for every codec value. Each numeric or length field draws its extremes (0, 1,
 * the protocol maximum, Long.MAX_VALUE) as often as a random value, because the edges are
 * where a fixed-width codec breaks.
 */
final class CodecArbitraries {
    static final String IDENTIFIER_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-";

    private CodecArbitraries() {}

    /** Bytes of a drawn size, filled from a drawn seed: cheap even for 16 KiB values. */
    static Arbitrary<byte[]> bytes(Arbitrary<Integer> sizes) {
        return Combinators.combine(sizes, Arbitraries.longs()).as((size, seed) -> {
            byte[] bytes = new byte[size];
            new Random(seed).nextBytes(bytes);
            return bytes;
        });
    }

    static Arbitrary<PublicKey> publicKeys() {
        return bytes(Arbitraries.just(PublicKey.SIZE)).map(PublicKey::wrap);
    }

    static Arbitrary<Hash> hashes() {
        return bytes(Arbitraries.just(Hash.SIZE)).map(Hash::wrap);
    }

    static Arbitrary<Signature> signatures() {
        return bytes(Arbitraries.just(Signature.SIZE)).map(Signature::wrap);
    }

    static Arbitrary<String> chainIds() {
        Arbitrary<Integer> lengths = edgesOr(1, ProtocolLimits.CHAIN_ID_MAX_LENGTH);
        return lengths.flatMap(n -> Arbitraries.strings().withChars(IDENTIFIER_CHARS).ofLength(n));
    }

    /** {@code min}, {@code max} or anything between, each a third of the time. */
    static Arbitrary<Integer> edgesOr(int min, int max) {
        return Arbitraries.oneOf(Arbitraries.just(min), Arbitraries.just(max), Arbitraries.integers().between(min, max));
    }

    static Arbitrary<Long> edgesOr(long min, long max) {
        return Arbitraries.oneOf(Arbitraries.just(min), Arbitraries.just(max), Arbitraries.longs().between(min, max));
    }

    static Arbitrary<Long> nonNegativeLongs() {
        return edgesOr(0L, Long.MAX_VALUE);
    }

    static Arbitrary<Long> heights() {
        return edgesOr(1L, Long.MAX_VALUE);
    }

    static Arbitrary<Operation> operations(boolean largePuts) {
        Arbitrary<Operation> transfers = Combinators.combine(publicKeys(), edgesOr(1L, Long.MAX_VALUE))
                .as(Operation.Transfer::new);
        Arbitrary<Integer> keySizes = largePuts ? edgesOr(1, ProtocolLimits.PUT_KEY_MAX_BYTES) : edgesOr(1, 8);
        Arbitrary<Integer> valueSizes = largePuts
                ? Arbitraries.oneOf(edgesOr(0, ProtocolLimits.PUT_VALUE_MAX_BYTES), Arbitraries.integers().between(0, 64))
                : edgesOr(0, 16);
        Arbitrary<Operation> puts = Combinators.combine(bytes(keySizes), bytes(valueSizes)).as(Operation.Put::new);
        Arbitrary<Operation> grants = Combinators.combine(publicKeys(), Arbitraries.of(Permission.class))
                .as(Operation.Grant::new);
        Arbitrary<Operation> revokes = Combinators.combine(publicKeys(), Arbitraries.of(Permission.class))
                .as(Operation.Revoke::new);
        return Arbitraries.oneOf(transfers, puts, grants, revokes);
    }

    /** Transactions of every kind; {@code largePuts} allows keys and values up to the protocol maximum. */
    static Arbitrary<Transaction> transactions(boolean largePuts) {
        return Combinators.combine(chainIds(), publicKeys(), nonNegativeLongs(), operations(largePuts), signatures())
                .as(Transaction::new);
    }

    static Arbitrary<BlockHeader> headers() {
        return headers(edgesOr(0, ProtocolLimits.BLOCK_MAX_TRANSACTIONS));
    }

    private static Arbitrary<BlockHeader> headers(Arbitrary<Integer> counts) {
        return Combinators.combine(heights(), hashes(), nonNegativeLongs(), publicKeys(), nonNegativeLongs(),
                hashes(), hashes(), counts).as(BlockHeader::new);
    }

    /** Blocks of 0 to {@code maxTransactions} transactions, the header counting them. */
    static Arbitrary<Block> blocks(int maxTransactions, boolean largePuts) {
        Arbitrary<Transaction> transactions = transactions(largePuts);
        Arbitrary<List<Transaction>> lists = edgesOr(0, maxTransactions).flatMap(n -> transactions.list().ofSize(n));
        return Combinators.combine(headers(Arbitraries.just(0)), lists)
                .as((header, list) -> new Block(withCount(header, list.size()), list));
    }

    private static BlockHeader withCount(BlockHeader h, int count) {
        return new BlockHeader(h.height(), h.parentHash(), h.timestampMillis(), h.proposer(), h.view(),
                h.transactionsRoot(), h.stateRoot(), count);
    }

    /** Certificates of 1 to {@code maxSignatures} signatures. */
    static Arbitrary<CommitCertificate> certificates(int maxSignatures) {
        return Combinators.combine(heights(), nonNegativeLongs(), hashes(), signatureLists(maxSignatures))
                .as(CommitCertificate::new);
    }

    /** Signatures by distinct validators (of the 256 possible), ascending, chosen from a drawn seed. */
    static Arbitrary<List<ValidatorSignature>> signatureLists(int maxSignatures) {
        return Combinators.combine(edgesOr(1, maxSignatures), Arbitraries.longs()).as((count, seed) -> {
            Random random = new Random(seed);
            List<Integer> indices = new ArrayList<>();
            for (int i = 0; i < ProtocolLimits.MAX_VALIDATORS; i++) {
                indices.add(i);
            }
            Collections.shuffle(indices, random);
            List<Integer> chosen = new ArrayList<>(indices.subList(0, count));
            Collections.sort(chosen);
            List<ValidatorSignature> signatures = new ArrayList<>(count);
            for (int validator : chosen) {
                byte[] signature = new byte[Signature.SIZE];
                random.nextBytes(signature);
                signatures.add(new ValidatorSignature(validator, Signature.wrap(signature)));
            }
            return signatures;
        });
    }

    static Arbitrary<Account> accounts() {
        return Combinators.combine(nonNegativeLongs(), nonNegativeLongs(), Arbitraries.subsetOf(Permission.values()))
                .as(Account::new);
    }

    static Arbitrary<TransactionLocation> locations() {
        return Combinators.combine(heights(), edgesOr(0, Integer.MAX_VALUE), Arbitraries.of(Outcome.class))
                .as(TransactionLocation::new);
    }
}
