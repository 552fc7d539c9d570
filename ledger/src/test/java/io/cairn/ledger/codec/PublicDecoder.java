package io.cairn.ledger.codec;

import io.cairn.crypto.encoding.DecodeException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.cairn.crypto.Hex;
import io.cairn.ledger.Account;
import io.cairn.ledger.Block;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.codec.StateCodec.TransactionLocation;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** One public decoder with its encoder, so fuzz and truncation tests treat all of them alike. */
record PublicDecoder<T>(String name, Decoding<T> decoding, Function<T, byte[]> encoding) {

    interface Decoding<T> {
        T decode(byte[] encoded) throws DecodeException;
    }

    static final PublicDecoder<Transaction> TRANSACTION =
            new PublicDecoder<>("transaction", Transaction::decode, Transaction::encode);
    static final PublicDecoder<Block> BLOCK = new PublicDecoder<>("block", Block::decode, Block::encode);
    static final PublicDecoder<BlockHeader> HEADER =
            new PublicDecoder<>("block header", BlockHeader::decode, BlockHeader::encode);
    static final PublicDecoder<CommitCertificate> CERTIFICATE =
            new PublicDecoder<>("commit certificate", CommitCertificate::decode, CommitCertificate::encode);
    static final PublicDecoder<Account> ACCOUNT =
            new PublicDecoder<>("account", StateCodec::decodeAccount, StateCodec::encodeAccount);
    static final PublicDecoder<TransactionLocation> LOCATION =
            new PublicDecoder<>("transaction location", StateCodec::decodeLocation, StateCodec::encodeLocation);

    static List<PublicDecoder<?>> all() {
        return List.of(TRANSACTION, BLOCK, HEADER, CERTIFICATE, ACCOUNT, LOCATION);
    }

    T decode(byte[] encoded) throws DecodeException {
        return decoding.decode(encoded);
    }

    byte[] encode(T value) {
        return encoding.apply(value);
    }

    /**
     * The fuzz oracle: the bytes either decode to a value whose encoding is exactly these bytes
     * (one encoding per value), or are rejected with a DecodeException that says what it was
     * decoding. Anything else thrown is a decoder bug. Returns whether the input decoded.
     */
    boolean assertCanonicalOrRejected(byte[] input) {
        T value;
        try {
            value = decode(input);
        } catch (DecodeException expected) {
            assertThat(expected.getMessage()).as("error for %s", Hex.encode(input)).startsWith("malformed " + name);
            return false;
        } catch (Throwable unexpected) {
            throw new AssertionError(name + " decoder threw " + unexpected + " on input " + Hex.encode(input), unexpected);
        }
        byte[] reencoded = encode(value);
        if (!Arrays.equals(reencoded, input)) {
            fail("%s decoded a non-canonical encoding %s as %s, which encodes as %s",
                    name, Hex.encode(input), value, Hex.encode(reencoded));
        }
        return true;
    }

    @Override
    public String toString() {
        return name;
    }
}
