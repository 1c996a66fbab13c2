package org.alongside.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
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

/**
 * A PostgreSQL cluster of the fault tests' own (initdb into {@code journey-tests/target/fault-postgres}, on a free
 * port), so they can stop and restart a real database server without touching the machine's shared one. As root
 * the server runs as the {@code postgres} OS user (PostgreSQL refuses to run as root); otherwise as the caller.
 * The binaries come from {@code ALONGSIDE_PG_BIN}, else the newest {@code /usr/lib/postgresql/N/bin}.
 */
final class PrivatePostgres {

    private final Path bin;
    private final Path dir;
    private final Path data;
    final int port;

    private PrivatePostgres(Path dir) {
        this.bin = binaries();
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = ServiceProcess.freePort();
    }

    /** A fresh cluster in {@code dir} (anything there before is removed), started. */
    static PrivatePostgres create(Path dir) {
        PrivatePostgres postgres = new PrivatePostgres(dir);
        postgres.init();
        postgres.start();
        return postgres;
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

    /** Stops the server at once and for good (used when the test JVM exits). */
    void destroy() {
        try {
            pgCtl("-w", "-t", "30", "-m", "immediate", "stop");
        } catch (RuntimeException alreadyStopped) {
            // nothing to stop
        }
    }

    private String options() {
        return "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=300";
    }

    private void init() {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                destroy(); // left running by a test JVM that was killed
            }
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(dir);
            if (asRoot()) {
                UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
                PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
                view.setOwner(users.lookupPrincipalByName("postgres"));
                GroupPrincipal group = users.lookupPrincipalByGroupName("postgres");
                view.setGroup(group);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust",
                "-E", "UTF8", "--no-sync", "--locale=C"));
    }

    private void pgCtl(String... args) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString()));
        command.addAll(List.of(args));
        run(command);
    }

    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Path out = Files.createTempFile("alongside-pg-", ".log");
            Process process = new ProcessBuilder(full).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out: " + full);
            }
            String output = Files.readString(out);
            Files.delete(out);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Failed (" + process.exitValue() + "): " + full + "\n" + output);
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
