package org.alongside.journey;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Secure by default: a production service configured with the development key, or letting callers backdate
 * records (the demo-data setting), refuses to start and says why; so does a production console configured with
 * the development sign-in.
 */
class ProductionProfileTest {

    @Test
    void productionRefusesTheDevelopmentKey() throws Exception {
        Path root = Path.of(System.getProperty("alongside.root", "..")).toAbsolutePath().normalize();
        Path log = Files.createTempFile("prod-profile", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-Dquarkus.http.port=0", "-Dkafka.bootstrap.servers=127.0.0.1:1",
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/postgres",
                "-Dquarkus.flyway.migrate-at-start=false",
                "-jar", root.resolve("referral-service/target/quarkus-app/quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_PROFILE", "prod");
        builder.environment().put("ALONGSIDE_JWKS_URL", "dev-jwt/public.pem");
        builder.environment().put("ALONGSIDE_JWT_ISSUER", "https://login.example.nhs.uk");
        builder.environment().put("ALONGSIDE_DEMO_BACKDATING", "true");
        Process process = builder.start();
        boolean exited = process.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertTrue(exited, "the service kept running with the development key:\n" + output);
        assertNotEquals(0, process.exitValue());
        assertTrue(output.contains("it would trust the development signing key"), output);
        assertTrue(output.contains("alongside.demo.backdating lets callers set the time of records"), output);
    }

    @Test
    void theProductionConsoleRefusesTheDevelopmentSignIn() throws Exception {
        Path root = Path.of(System.getProperty("alongside.root", "..")).toAbsolutePath().normalize();
        Path log = Files.createTempFile("prod-console", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-Dquarkus.http.port=0",
                "-jar", root.resolve("console/target/quarkus-app/quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_PROFILE", "prod");
        builder.environment().put("ALONGSIDE_CONSOLE_DEV_SIGN_IN_KEY_DIRECTORY",
                root.resolve("deploy/local/dev-keys").toString());
        builder.environment().put("ALONGSIDE_OIDC_URL", "https://login.example.nhs.uk/realms/alongside");
        builder.environment().put("ALONGSIDE_OIDC_CLIENT_SECRET", "a-secret-of-thirty-two-characters-or-more");
        Process process = builder.start();
        boolean exited = process.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertTrue(exited, "the console kept running with the development sign-in:\n" + output);
        assertNotEquals(0, process.exitValue());
        assertTrue(output.contains("the development sign-in"), output);
    }
}
