package org.alongside.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.alongside.platform.testing.FreePorts;

/**
 * A real identity provider for the OpenID Connect tests: Keycloak's own distribution (org.keycloak:keycloak-quarkus-dist
 * from Maven Central, unpacked by this module's build into target/keycloak), run without containers in development
 * mode on a free port, with the realm of deploy/local/keycloak/alongside-realm.json imported: one user per role.
 * Keycloak needs Java 21 or later: Temurin 25 from /usr/lib/jvm, or ALONGSIDE_KEYCLOAK_JAVA_HOME.
 */
final class KeycloakServer implements AutoCloseable {

    static final String REALM = "alongside";
    static final String CLIENT_ID = "alongside-console";
    static final String CLIENT_SECRET = "alongside-console-test-client-secret-0001";

    private static final Path DISTRIBUTIONS = ServiceProcess.root().resolve("journey-tests/target/keycloak");
    private static final Path REALM_FILE = ServiceProcess.root().resolve("deploy/local/keycloak/alongside-realm.json");
    private static final Path LOG = ServiceProcess.root().resolve("journey-tests/target/service-logs/keycloak.log");

    final int port = FreePorts.next();
    private final Process process;

    KeycloakServer() {
        try {
            Path home = distribution();
            // a fresh database each time, so the realm is always the one in the repository
            deleteRecursively(home.resolve("data/h2"));
            Path imports = home.resolve("data/import");
            Files.createDirectories(imports);
            Files.copy(REALM_FILE, imports.resolve("alongside-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            Path kc = home.resolve("bin/kc.sh");
            kc.toFile().setExecutable(true);
            Files.createDirectories(LOG.getParent());
            ProcessBuilder builder = new ProcessBuilder(List.of(kc.toString(), "start-dev", "--import-realm",
                    "--http-host=127.0.0.1", "--http-port=" + port,
                    "--http-management-port=" + FreePorts.next(), "--hostname-strict=false",
                    "--cache=local"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()));
            builder.environment().put("JAVA_HOME", javaHome());
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(Duration.ofMinutes(4));
    }

    /** The issuer, as a browser on this machine and the services both reach it. */
    String issuer() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    String jwks() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited while starting; see " + LOG);
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(issuer()
                        + "/.well-known/openid-configuration").toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(5_000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("Keycloak not ready within " + timeout + "; see " + LOG);
    }

    private static Path distribution() throws IOException {
        try (Stream<Path> found = Files.list(DISTRIBUTIONS)) {
            return found.filter(p -> Files.isRegularFile(p.resolve("bin/kc.sh"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No Keycloak in " + DISTRIBUTIONS
                            + ": build journey-tests with Maven (it unpacks org.keycloak:keycloak-quarkus-dist)"));
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String javaHome() {
        String configured = System.getenv("ALONGSIDE_KEYCLOAK_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String candidate : List.of("/usr/lib/jvm/temurin-25-jdk-amd64", "/usr/lib/jvm/temurin-21-jdk-amd64")) {
            if (Files.isExecutable(Path.of(candidate, "bin/java"))) {
                return candidate;
            }
        }
        if (Runtime.version().feature() >= 21) {
            return System.getProperty("java.home");
        }
        throw new IllegalStateException("Keycloak needs Java 21 or later: set ALONGSIDE_KEYCLOAK_JAVA_HOME");
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
