package io.cairn.node.cli;

import io.cairn.crypto.Hash;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Permission;
import io.cairn.node.client.Durations;
import io.cairn.node.client.JsonRpcClient;
import io.cairn.node.client.NodeClient.BlockReference;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converters for the client commands' arguments; a bad value is a usage error naming the option. */
final class ArgumentTypes {
    private ArgumentTypes() {}

    /** An account address: the account's Ed25519 public key, 64 hex characters. */
    static final class Address implements ITypeConverter<PublicKey> {
        @Override
        public PublicKey convert(String value) {
            try {
                return PublicKey.fromHex(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("not an address (an Ed25519 public key in hex): " + e.getMessage());
            }
        }
    }

    /** A transaction or block hash, 64 hex characters. */
    static final class HashValue implements ITypeConverter<Hash> {
        @Override
        public Hash convert(String value) {
            try {
                return Hash.fromHex(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("not a hash: " + e.getMessage());
            }
        }
    }

    static final class Block implements ITypeConverter<BlockReference> {
        @Override
        public BlockReference convert(String value) {
            try {
                return BlockReference.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class Timeout implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class PermissionName implements ITypeConverter<Permission> {
        @Override
        public Permission convert(String value) {
            return Permission.fromJsonName(value).orElseThrow(() -> new TypeConversionException(
                    "expected one of transfer, put, admin, got '" + value + "'"));
        }
    }

    /** The names {@code --permission} takes, for the help and for shell completion. */
    static final class PermissionNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Permission.values()).map(Permission::jsonName).iterator();
        }
    }

    static final class RpcUrl implements ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            try {
                return JsonRpcClient.endpoint(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
