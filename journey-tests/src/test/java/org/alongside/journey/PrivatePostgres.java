package org.alongside.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.alongside.platform.testing.FreePorts;

/**
 * A PostgreSQL cluster of the fault tests' own, on a free port, so they can stop and restart a real database server
 * without touching the machine's shared one. As root the server runs as the {@code postgres} OS user (PostgreSQL
 * refuses to run as root); otherwise as the caller. The binaries come from {@code ALONGSIDE_PG_BIN}, else the newest
 * {@code /usr/lib/postgresql/N/bin}.
 * <p>
 * The cluster lives in a folder of its own under the system temp folder, never inside the checkout: a checkout may
 * sit where the {@code postgres} user cannot enter (root's home, a folder from {@code mktemp -d}). Its processes run
 * in that folder too, so none of them needs to reach the test JVM's working directory. The folder is removed by
 * {@link #destroy()}; one left behind by a test JVM that was killed is removed by the next {@link #create()}.
 */
final class PrivatePostgres {

    private static final String PREFIX = "alongside-fault-postgres-";
    /** The test JVM that owns a cluster folder, so a later run can tell an abandoned one from a live one. */
    private static final String OWNER_FILE = "owner.pid";

    private final Path bin;
    private final Path dir;
    private final Path data;
    final int port;

    private PrivatePostgres(Path bin, Path dir) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = FreePorts.next();
    }

    /** A fresh cluster in a new folder under the system temp folder, started. */
    static PrivatePostgres create() {
        Path bin = binaries();
        Path temp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        removeAbandoned(bin, temp);
        PrivatePostgres postgres;
        try {
            postgres = new PrivatePostgres(bin, Files.createTempDirectory(temp, PREFIX));
            Files.writeString(postgres.dir.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            postgres.init();
            postgres.start();
        } catch (RuntimeException e) {
            postgres.destroy();
            throw e;
        }
        return postgres;
    }

    /** The folder that holds the cluster (for the tests that check where it lives). */
    Path directory() {
        return dir;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
    }

    void createDatabase(String database) {
        try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create " + database + " in the private cluster", e);
        }
    }

    /** Starts the server and waits until it accepts connections. */
    void start() {
        pgCtl("-w", "-t", "120", "-o", options(), "-l", dir.resolve("postgres.log").toString(), "start");
    }

    /** Fast shutdown: open transactions are rolled back and every connection is cut, as in a restart for an upgrade. */
    void stop() {
        pgCtl("-w", "-t", "120", "-m", "fast", "stop");
    }

    /** {@code pg_ctl -m fast restart}. */
    void restart() {
        pgCtl("-w", "-t", "120", "-m", "fast", "-o", options(), "-l", dir.resolve("postgres.log").toString(),
                "restart");
    }

    /** Stops the server at once and for good, and removes its folder (used when the test JVM exits). */
    void destroy() {
        stopImmediately(bin, dir);
        delete(dir);
    }

    private String options() {
        return "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=300";
    }

    private void init() {
        if (asRoot()) {
            try {
                UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
                PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
                view.setOwner(users.lookupPrincipalByName("postgres"));
                view.setGroup(users.lookupPrincipalByGroupName("postgres"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            requireEnterableByOthers(dir.getParent());
        }
        run(bin, dir, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C"));
    }

    private void pgCtl(String... args) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString()));
        command.addAll(List.of(args));
        run(bin, dir, command);
    }

    /** Clusters whose test JVM is gone (killed before its shutdown hook ran): stopped and removed. */
    private static void removeAbandoned(Path bin, Path temp) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(temp, PREFIX + "*")) {
            for (Path folder : folders) {
                Path owner = folder.resolve(OWNER_FILE);
                boolean abandoned;
                try {
                    abandoned = ProcessHandle.of(Long.parseLong(Files.readString(owner).trim()))
                            .map(ProcessHandle::isAlive).isEmpty();
                } catch (IOException | NumberFormatException unreadable) {
                    abandoned = false; // being created right now by another run, or not ours to judge
                }
                if (abandoned) {
                    stopImmediately(bin, folder);
                    delete(folder);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stopImmediately(Path bin, Path folder) {
        if (Files.exists(folder.resolve("data/postmaster.pid"))) {
            try {
                run(bin, folder, List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(),
                        "-w", "-t", "30", "-m", "immediate", "stop"));
            } catch (RuntimeException alreadyStopped) {
                // nothing to stop
            }
        }
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: the next run removes what is left
        }
    }

    /** The postgres user must be able to pass through every folder above its own. */
    private static void requireEnterableByOthers(Path folder) {
        for (Path at = folder; at != null; at = at.getParent()) {
            try {
                if (!Files.getPosixFilePermissions(at).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new IllegalStateException("The postgres user cannot enter " + at + ", where the fault "
                            + "tests' PostgreSQL cluster would live; run the tests with -Djava.io.tmpdir set to a "
                            + "folder every user can enter (such as /tmp)");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Runs a PostgreSQL program in the cluster's folder (as the postgres user when we are root). */
    private static void run(Path bin, Path workingDirectory, List<String> command) {
        List<String> full = new ArrayList<>();
        if (asRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Path out = Files.createTempFile("alongside-pg-", ".log");
            try {
                Process process = new ProcessBuilder(full).directory(workingDirectory.toFile())
                        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (!process.waitFor(180, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("Timed out: " + full);
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("Failed (" + process.exitValue() + "): " + full + "\n"
                            + Files.readString(out));
                }
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path binaries() {
        String configured = System.getenv("ALONGSIDE_PG_BIN");
        if (configured != null) {
            return Path.of(configured);
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString()
                            .replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IllegalStateException("No PostgreSQL binaries in /usr/lib/postgresql; "
                            + "set ALONGSIDE_PG_BIN"));
        } catch (IOException e) {
            throw new IllegalStateException("No PostgreSQL binaries found; set ALONGSIDE_PG_BIN", e);
        }
    }
}
