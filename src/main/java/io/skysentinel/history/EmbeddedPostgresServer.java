package io.skysentinel.history;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of the default run (zonky's binaries). One server per data directory per JVM, shared by
 * reference count: several application contexts in one JVM (cached test contexts) use the same server instead of
 * fighting over the directory's lock. As root, zonky starts initdb/postgres through {@code unshare -U} (PostgreSQL
 * refuses to run as root), so this works both as root and as an ordinary user.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, Shared> RUNNING = new HashMap<>();

    private final Path dir;
    private final Shared shared;
    private boolean closed;

    private record Shared(EmbeddedPostgres pg, int[] refs) {}

    private EmbeddedPostgresServer(Path dir, Shared shared) {
        this.dir = dir;
        this.shared = shared;
    }

    /** Starts the server on {@code dir} (created and initialised when empty), or joins the one already running. */
    public static EmbeddedPostgresServer acquire(Path dir, int port) {
        Path key = dir.toAbsolutePath().normalize();
        synchronized (RUNNING) {
            Shared s = RUNNING.get(key);
            if (s == null) {
                s = new Shared(start(key, port), new int[1]);
                RUNNING.put(key, s);
            }
            s.refs[0]++;
            return new EmbeddedPostgresServer(key, s);
        }
    }

    private static EmbeddedPostgres start(Path dir, int port) {
        try {
            Files.createDirectories(dir);
            refuseIfInUse(dir);
            stopOrphan(dir);
            int chosen = port > 0 ? port : freePort();
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(chosen)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // No hook of zonky's own: it would stop the server in parallel with the application's shutdown,
                    // before the history writer's last flush. The owner's close() stops it, after that flush.
                    .setRegisterShutdownHook(false)
                    // Ingest is write-heavy; the defaults are sized for a laptop test, not hours of positions.
                    .setServerConfig("max_wal_size", "2GB")
                    .setServerConfig("shared_buffers", "128MB")
                    // A history snapshot sorts ~10^5 rows (every aircraft's states in the window): keep that in memory.
                    .setServerConfig("work_mem", "32MB")
                    // Several application instances may share one server (a JVM's cached test contexts, several roles).
                    .setServerConfig("max_connections", "200")
                    .start();
            log.info("Embedded PostgreSQL on port {} with data in {}", pg.getPort(), dir);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dir, e);
        }
    }

    /** The data directory is held by another process (another SkySentinel instance with the same directory). */
    public static final class DataDirectoryInUseException extends IllegalStateException {
        private final transient Path dir;

        DataDirectoryInUseException(Path dir) {
            super("The embedded PostgreSQL data directory " + dir + " is in use by another process (another"
                    + " SkySentinel instance holds " + dir.resolve(LOCK_FILE) + "). Stop it, or give this instance a"
                    + " directory of its own with SKYSENTINEL_PG_DIR (setting skysentinel.history.pg-dir), or let"
                    + " both use one PostgreSQL server with SKYSENTINEL_DB_URL.");
            this.dir = dir;
        }

        public Path dir() {
            return dir;
        }
    }

    /** zonky's lock file: held for as long as the JVM that started the server on the directory runs it. */
    static final String LOCK_FILE = "epg-lock";

    /**
     * Fails fast, saying which setting moves the directory, when another JVM holds the directory's lock: otherwise
     * zonky's own "could not lock …/epg-lock" (or PostgreSQL's postmaster.pid check) is all the operator would see.
     * The lock is let go again at once for zonky to take. No lock file: nobody holds it, and none is created (initdb
     * wants a new directory empty).
     */
    static void refuseIfInUse(Path dir) throws IOException {
        Path lockFile = dir.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) return;
        try (var channel = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.WRITE);
                var lock = channel.tryLock()) {
            if (lock == null) throw new DataDirectoryInUseException(dir);
        } catch (java.nio.channels.OverlappingFileLockException e) {
            throw new DataDirectoryInUseException(dir); // this JVM, outside this class's sharing (a test holding it)
        }
    }

    /**
     * A JVM that died without closing its server (killed, or crashed) leaves postgres running on the directory, and
     * no new server can start there. zonky's lock file tells the cases apart: while its owner JVM lives the lock is
     * held; if we can take it, the server still running on the directory is an orphan, and it is stopped.
     */
    static void stopOrphan(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return;
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
        } catch (RuntimeException e) {
            return; // unreadable: leave it to PostgreSQL's own checks
        }
        var process = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains(dir.toString()))
                        .orElse(false));
        if (process.isEmpty()) return;
        try (var channel = java.nio.channels.FileChannel.open(
                        dir.resolve("epg-lock"),
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.WRITE);
                var lock = channel.tryLock()) {
            if (lock == null)
                throw new IOException("another process owns the embedded PostgreSQL in " + dir + " (postgres pid " + pid
                        + "); stop it or set SKYSENTINEL_PG_DIR to another directory");
            log.warn(
                    "Stopping an orphaned embedded PostgreSQL (pid {}) left running on {} by a JVM that did not shut "
                            + "down",
                    pid,
                    dir);
            process.get().destroy();
            try {
                process.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                process.get().destroyForcibly();
            }
        } catch (java.nio.channels.OverlappingFileLockException e) {
            throw new IOException("this JVM already holds the embedded PostgreSQL lock on " + dir, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public int port() {
        return shared.pg.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    /** Stops the server when the last user lets go. */
    @Override
    public void close() {
        synchronized (RUNNING) {
            if (closed) return;
            closed = true;
            if (--shared.refs[0] > 0) return;
            RUNNING.remove(dir);
            try {
                shared.pg.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.toString());
            }
        }
    }
}
