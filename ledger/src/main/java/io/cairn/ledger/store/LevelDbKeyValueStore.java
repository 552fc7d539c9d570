package io.cairn.ledger.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import org.fusesource.leveldbjni.JniDBFactory;
import org.iq80.leveldb.CompressionType;
import org.iq80.leveldb.DB;
import org.iq80.leveldb.DBFactory;
import org.iq80.leveldb.DBIterator;
import org.iq80.leveldb.Options;
import org.iq80.leveldb.WriteOptions;
import org.iq80.leveldb.impl.Iq80DBFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LevelDB through leveldbjni (Google's C++ LevelDB). Where the native library cannot load, it
 * falls back to iq80's pure-Java port of the same format and says so in the log. Setting the
 * system property {@code cairn.leveldb=java} chooses the pure-Java port on purpose.
 */
public final class LevelDbKeyValueStore implements KeyValueStore {
    public static final String ENGINE_PROPERTY = "cairn.leveldb";
    private static final Logger log = LoggerFactory.getLogger(LevelDbKeyValueStore.class);
    private static final WriteOptions SYNC = new WriteOptions().sync(true);
    private static final WriteOptions NO_SYNC = new WriteOptions().sync(false);
    /**
     * The directories open in this JVM. LevelDB's file lock only keeps other processes out:
     * iq80 fails a second lock in this JVM with an unchecked exception, and leveldbjni and iq80
     * do not see each other's lock in the same process at all.
     */
    private static final Set<Path> OPEN_DIRECTORIES = ConcurrentHashMap.newKeySet();

    private final DB db;
    private final String description;
    private final Path openDirectory;
    private volatile boolean closed;

    private LevelDbKeyValueStore(DB db, String description, Path openDirectory) {
        this.db = db;
        this.description = description;
        this.openDirectory = openDirectory;
    }

    /** Opens (creating if needed) the LevelDB in {@code directory} with the {@link Engine#preferred()} engine. */
    public static LevelDbKeyValueStore open(Path directory) throws IOException {
        return open(directory, Engine.preferred());
    }

    public static LevelDbKeyValueStore open(Path directory, Engine engine) throws IOException {
        Files.createDirectories(directory);
        // No compression: leveldbjni would write Snappy tables, which iq80 cannot read without a
        // Snappy library, so a store written by one engine would not open with the other.
        Options options = new Options().createIfMissing(true).paranoidChecks(true)
                .compressionType(CompressionType.NONE)
                .cacheSize(32L * 1024 * 1024).writeBufferSize(8 * 1024 * 1024);
        Path openDirectory = directory.toRealPath();
        if (!OPEN_DIRECTORIES.add(openDirectory)) {
            throw new IOException("the store at " + directory + " is in use: it is already open in this process");
        }
        boolean opened = false;
        try {
            DB db = engine.factory().open(directory.toFile(), options);
            opened = true;
            return new LevelDbKeyValueStore(db, "LevelDB (" + engine.label + ") at " + directory, openDirectory);
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("lock") || message.contains("LOCK")) {
                throw new IOException("the store at " + directory + " is in use by another process (" + message + ")", e);
            }
            throw new IOException("cannot open the store at " + directory + ": " + message, e);
        } finally {
            if (!opened) {
                OPEN_DIRECTORIES.remove(openDirectory);
            }
        }
    }

    @Override
    public Optional<byte[]> get(byte[] key) {
        checkOpen();
        try {
            return Optional.ofNullable(db.get(key));
        } catch (RuntimeException e) { // iq80 throws several unchecked kinds; leveldbjni DBException
            throw new StorageException("read failed in " + description + ": " + e, e);
        }
    }

    @Override
    public void write(WriteBatch batch, boolean sync) {
        checkOpen();
        try (org.iq80.leveldb.WriteBatch nativeBatch = db.createWriteBatch()) {
            // Copies: iq80 keeps the arrays it is given in its memtable, so a caller reusing one
            // would change a stored value or move a key out of order.
            for (WriteBatch.Change change : batch.changes()) {
                if (change.value() == null) {
                    nativeBatch.delete(change.key().clone());
                } else {
                    nativeBatch.put(change.key().clone(), change.value().clone());
                }
            }
            db.write(nativeBatch, sync ? SYNC : NO_SYNC);
        } catch (IOException | RuntimeException e) {
            throw new StorageException("write failed in " + description + ": " + e, e);
        }
    }

    @Override
    public void scan(byte[] prefix, BiConsumer<byte[], byte[]> visitor) {
        scanFrom(prefix, prefix, (key, value) -> {
            visitor.accept(key, value);
            return true;
        });
    }

    @Override
    public void scanFrom(byte[] prefix, byte[] from, BiPredicate<byte[], byte[]> visitor) {
        StoreLayout.requireUnder(prefix, from);
        checkOpen();
        try (DBIterator iterator = db.iterator()) {
            for (iterator.seek(from); iterator.hasNext(); ) {
                Map.Entry<byte[], byte[]> entry = iterator.next();
                if (!StoreLayout.startsWith(entry.getKey(), prefix) || !visitor.test(entry.getKey(), entry.getValue())) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new StorageException("scan failed in " + description + ": " + e, e);
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            db.close();
        } catch (IOException e) {
            throw new StorageException("close failed in " + description + ": " + e.getMessage(), e);
        } finally {
            OPEN_DIRECTORIES.remove(openDirectory);
        }
    }

    /** A closed native DB must never be touched: leveldbjni would use freed memory. */
    private void checkOpen() {
        if (closed) {
            throw new StorageException(description + " is closed");
        }
    }

    /** The two LevelDB implementations; both read and write the same on-disk format. */
    public enum Engine {
        NATIVE("leveldbjni"), JAVA("iq80 pure-Java");

        private static volatile Engine preferred;
        private final String label;

        Engine(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        DBFactory factory() {
            return this == NATIVE ? JniDBFactory.factory : Iq80DBFactory.factory;
        }

        /** leveldbjni unless {@code cairn.leveldb=java}, or unless the native library cannot load. */
        public static Engine preferred() {
            Engine engine = preferred;
            if (engine == null) {
                preferred = engine = choose();
            }
            return engine;
        }

        private static Engine choose() {
            if ("java".equals(System.getProperty(ENGINE_PROPERTY))) {
                log.info("Using iq80 pure-Java LevelDB because {}=java", ENGINE_PROPERTY);
                return JAVA;
            }
            try {
                JniDBFactory.pushMemoryPool(512 * 1024); // the first native call loads the library
                JniDBFactory.popMemoryPool();
                return NATIVE;
            } catch (LinkageError e) {
                log.warn("Native LevelDB (leveldbjni) cannot load on this platform ({}); falling back to iq80"
                        + " pure-Java LevelDB, which is slower", e.toString());
                return JAVA;
            }
        }
    }
}
