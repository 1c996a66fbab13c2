package org.alongside.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * The fault tests' private PostgreSQL cluster works wherever the checkout is (root's home and {@code mktemp -d}
 * folders are mode 700, so the postgres user cannot enter them), and leaves nothing behind, even after a test JVM
 * was killed before it could clean up.
 */
class PrivatePostgresTest {

    private static final Path ROOT = Path.of(System.getProperty("alongside.root", "..")).toAbsolutePath().normalize();

    @Test
    void theClusterLivesOutsideTheCheckoutAndIsRemovedAfterUse() throws Exception {
        PrivatePostgres postgres = PrivatePostgres.create();
        Path folder = postgres.directory();
        try {
            assertFalse(folder.toRealPath().startsWith(ROOT.toRealPath()), folder + " is inside the checkout");
            try (Connection connection = postgres.connect("postgres");
                 ResultSet rs = connection.createStatement().executeQuery("SELECT 1")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
        } finally {
            postgres.destroy();
        }
        assertFalse(Files.exists(folder), folder + " was left behind");
        assertFalse(listening(postgres.port), "the server still listens on " + postgres.port);
    }

    @Test
    void aClusterLeftByAKilledTestRunIsStoppedAndRemovedByTheNextRun() throws Exception {
        PrivatePostgres abandoned = PrivatePostgres.create();
        PrivatePostgres next = null;
        try {
            // as if the JVM that owns it had been killed: its owner is a process that has exited
            Process gone = new ProcessBuilder("true").start();
            gone.waitFor();
            Files.writeString(abandoned.directory().resolve("owner.pid"), Long.toString(gone.pid()));

            next = PrivatePostgres.create();

            assertFalse(Files.exists(abandoned.directory()), "the abandoned cluster's folder was removed");
            assertFalse(listening(abandoned.port), "the abandoned cluster was stopped");
            assertTrue(Files.exists(next.directory()), "a live run's cluster is left alone");
        } finally {
            abandoned.destroy();
            if (next != null) {
                next.destroy();
            }
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
