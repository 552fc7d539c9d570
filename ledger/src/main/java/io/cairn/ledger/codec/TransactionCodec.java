package io.cairn.ledger.codec;

import io.cairn.crypto.encoding.ByteReader;
import io.cairn.crypto.encoding.ByteWriter;
import io.cairn.crypto.encoding.DecodeException;
import io.cairn.crypto.PublicKey;
import io.cairn.crypto.Signature;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Operation.Grant;
import io.cairn.ledger.Operation.Kind;
import io.cairn.ledger.Operation.Put;
import io.cairn.ledger.Operation.Revoke;
import io.cairn.ledger.Operation.Transfer;
import io.cairn.ledger.Permission;
import io.cairn.ledger.ProtocolLimits;
import io.cairn.ledger.Transaction;
import java.nio.charset.StandardCharsets;

/**
 * A transaction's bytes (docs/transactions.md):
 * <pre>
 *   u8 version (1) | u8 n, chain id (n ASCII) | sender (32) | u64 nonce | u8 kind | body | signature (64)
 *   transfer: to (32) | u64 amount (1..2^63-1)
 *   put:      u16 n, key (1..256) | u16 m, value (0..16384)
 *   grant, revoke: account (32) | u8 permission (1 transfer, 2 put, 3 admin)
 * </pre>
 * The sign-bytes are the ASCII tag {@code cairn-tx} followed by everything before the signature.
 */
public final class TransactionCodec {
    public static final int VERSION = 1;
    private static final byte[] SIGN_TAG = "cairn-tx".getBytes(StandardCharsets.US_ASCII);

    private TransactionCodec() {}

    public static byte[] signBytes(String chainId, PublicKey sender, long nonce, Operation operation) {
        ByteWriter writer = new ByteWriter(SIGN_TAG.length + unsignedSize(chainId, operation));
        writer.bytes(SIGN_TAG);
        writeUnsigned(writer, chainId, sender, nonce, operation);
        return writer.toByteArray();
    }

    public static byte[] encode(Transaction tx) {
        ByteWriter writer = new ByteWriter(encodedSize(tx));
        write(writer, tx);
        return writer.toByteArray();
    }

    public static int encodedSize(Transaction tx) {
        return unsignedSize(tx.chainId(), tx.operation()) + Signature.SIZE;
    }

    public static Transaction decode(byte[] encoded) throws DecodeException {
        if (encoded.length > ProtocolLimits.TRANSACTION_MAX_BYTES) {
            throw new DecodeException("malformed transaction: " + encoded.length
                    + " bytes is more than the largest possible transaction (" + ProtocolLimits.TRANSACTION_MAX_BYTES + ")");
        }
        ByteReader reader = new ByteReader(encoded, "transaction");
        Transaction tx = read(reader);
        reader.expectEnd();
        return tx;
    }

    static void write(ByteWriter writer, Transaction tx) {
        writeUnsigned(writer, tx.chainId(), tx.sender(), tx.nonce(), tx.operation());
        writer.signature(tx.signature());
    }

    static Transaction read(ByteReader reader) throws DecodeException {
        int start = reader.position();
        int version = reader.u8("version");
        if (version != VERSION) {
            throw reader.errorAt(start, "version", "unsupported transaction version " + version);
        }
        String chainId = reader.identifier("chain id", ProtocolLimits.CHAIN_ID_MAX_LENGTH);
        PublicKey sender = reader.publicKey("sender");
        long nonce = reader.u63("nonce");
        Operation operation = readOperation(reader);
        Signature signature = reader.signature("signature");
        return new Transaction(chainId, sender, nonce, operation, signature);
    }

    private static int unsignedSize(String chainId, Operation operation) {
        return 1 + 1 + chainId.length() + PublicKey.SIZE + 8 + 1 + bodySize(operation);
    }

    private static int bodySize(Operation operation) {
        if (operation instanceof Put put) {
            return 2 + put.keyLength() + 2 + put.valueLength();
        }
        return operation instanceof Transfer ? PublicKey.SIZE + 8 : PublicKey.SIZE + 1;
    }

    private static void writeUnsigned(ByteWriter writer, String chainId, PublicKey sender, long nonce, Operation operation) {
        writer.u8(VERSION).identifier(chainId).publicKey(sender).u64(nonce).u8(operation.kind().code());
        if (operation instanceof Transfer transfer) {
            writer.publicKey(transfer.to()).u64(transfer.amount());
        } else if (operation instanceof Put put) {
            writer.u16(put.keyLength()).bytes(put.key()).u16(put.valueLength()).bytes(put.value());
        } else if (operation instanceof Grant grant) {
            writer.publicKey(grant.account()).u8(grant.permission().code());
        } else if (operation instanceof Revoke revoke) {
            writer.publicKey(revoke.account()).u8(revoke.permission().code());
        } else {
            throw new IllegalStateException("unhandled operation " + operation);
        }
    }

    private static Operation readOperation(ByteReader reader) throws DecodeException {
        int start = reader.position();
        int code = reader.u8("kind");
        Kind kind = Kind.fromCode(code)
                .orElseThrow(() -> reader.errorAt(start, "kind", "unknown transaction kind " + code));
        switch (kind) {
            case TRANSFER: {
                PublicKey to = reader.publicKey("transfer.to");
                int at = reader.position();
                long amount = reader.u63("transfer.amount");
                if (amount == 0) {
                    throw reader.errorAt(at, "transfer.amount", "must be at least 1");
                }
                return new Transfer(to, amount);
            }
            case PUT: {
                int keyLength = reader.u16InRange("put.key length", 1, ProtocolLimits.PUT_KEY_MAX_BYTES);
                byte[] key = reader.bytes(keyLength, "put.key");
                int valueLength = reader.u16InRange("put.value length", 0, ProtocolLimits.PUT_VALUE_MAX_BYTES);
                return new Put(key, reader.bytes(valueLength, "put.value"));
            }
            case GRANT:
                return new Grant(reader.publicKey("grant.account"), readPermission(reader, "grant.permission"));
            case REVOKE:
                return new Revoke(reader.publicKey("revoke.account"), readPermission(reader, "revoke.permission"));
            default:
                throw new IllegalStateException("unhandled kind " + kind);
        }
    }

    static Permission readPermission(ByteReader reader, String field) throws DecodeException {
        int start = reader.position();
        int code = reader.u8(field);
        return Permission.fromCode(code).orElseThrow(() -> reader.errorAt(start, field, "unknown permission " + code));
    }
}
