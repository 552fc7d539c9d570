package io.cairn.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reads and writes a private key as a PEM "PRIVATE KEY" block holding the PKCS#8 form of an
 * Ed25519 seed (RFC 8410), the file {@code openssl genpkey -algorithm ed25519} writes, so
 * operators can inspect keys with standard tools.
 *
 * <p>Files are created owner-only (0600) and never overwritten. Like ssh, reading refuses a key
 * that other users may read. Error messages name the file and the problem, never its content.
 */
public final class KeyFile {
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";
    /** SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING (32) } }. */
    private static final byte[] PKCS8_PREFIX = JcaKeys.PKCS8_PREFIX;
    private static final int MAX_FILE_BYTES = 4096;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private KeyFile() {}

    /** Writes {@code key} to a new file readable and writable by its owner only. */
    public static void write(Path path, KeyPair key) throws KeyFileException {
        byte[] der = new byte[PKCS8_PREFIX.length + KeyPair.SEED_SIZE];
        byte[] seed = key.seed();
        System.arraycopy(PKCS8_PREFIX, 0, der, 0, PKCS8_PREFIX.length);
        System.arraycopy(seed, 0, der, PKCS8_PREFIX.length, seed.length);
        byte[] pem = (BEGIN + "\n" + Base64.getEncoder().encodeToString(der) + "\n" + END + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (SeekableByteChannel out = Files.newByteChannel(path,
                EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly(path))) {
            out.write(ByteBuffer.wrap(pem));
            if (out instanceof java.nio.channels.FileChannel file) {
                file.force(true);
            }
        } catch (FileAlreadyExistsException e) {
            throw new KeyFileException("key file " + path + " already exists; refusing to overwrite it");
        } catch (IOException e) {
            throw new KeyFileException("cannot write key file " + path + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(seed, (byte) 0);
            Arrays.fill(der, (byte) 0);
            Arrays.fill(pem, (byte) 0);
        }
    }

    /** Reads a key file, refusing a missing, unreadable, group/world-accessible or malformed one. */
    public static KeyPair read(Path path) throws KeyFileException {
        if (Files.notExists(path)) {
            throw new KeyFileException("key file " + path + " does not exist");
        }
        if (Files.isDirectory(path)) {
            throw new KeyFileException("key file " + path + " is a directory, not a file");
        }
        checkOwnerOnly(path);
        byte[] content = readBounded(path);
        byte[] der = null;
        try {
            der = decodePem(path, new String(content, StandardCharsets.US_ASCII));
            if (der.length != PKCS8_PREFIX.length + KeyPair.SEED_SIZE
                    || !Arrays.equals(der, 0, PKCS8_PREFIX.length, PKCS8_PREFIX, 0, PKCS8_PREFIX.length)) {
                throw malformed(path, "the PEM block is not a PKCS#8 Ed25519 private key");
            }
            return KeyPair.fromSeed(Arrays.copyOfRange(der, PKCS8_PREFIX.length, der.length));
        } finally {
            Arrays.fill(content, (byte) 0);
            if (der != null) {
                Arrays.fill(der, (byte) 0);
            }
        }
    }

    private static byte[] readBounded(Path path) throws KeyFileException {
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw malformed(path, "it is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new KeyFileException("key file " + path + " does not exist");
        } catch (AccessDeniedException e) {
            throw new KeyFileException("key file " + path + " is not readable: permission denied");
        } catch (IOException e) {
            throw new KeyFileException("cannot read key file " + path + ": " + e.getMessage(), e);
        }
    }

    private static void checkOwnerOnly(Path path) throws KeyFileException {
        if (!supportsPosix(path)) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            if (!OWNER_ONLY.containsAll(permissions)) {
                throw new KeyFileException("key file " + path + " is accessible by other users ("
                        + PosixFilePermissions.toString(permissions) + "); run: chmod 600 " + path);
            }
        } catch (IOException e) {
            throw new KeyFileException("cannot read the permissions of key file " + path + ": " + e.getMessage(), e);
        }
    }

    private static byte[] decodePem(Path path, String text) throws KeyFileException {
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin || text.indexOf(BEGIN, begin + 1) >= 0) {
            throw malformed(path, "expected exactly one '" + BEGIN + "' ... '" + END + "' block");
        }
        String body = text.substring(begin + BEGIN.length(), end).replaceAll("\\s+", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw malformed(path, "the PEM block is not valid base64");
        }
    }

    private static KeyFileException malformed(Path path, String why) {
        return new KeyFileException("key file " + path + " is malformed: " + why
                + " (write one with 'keys new' or 'openssl genpkey -algorithm ed25519')");
    }

    private static FileAttribute<?>[] ownerOnly(Path path) {
        return supportsPosix(path)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
