package org.alongside.journey;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Settings are checked as a service starts: a wrong value stops it with a message naming the setting and what is
 * wrong, instead of a service that runs with it (or fails later, on the first request that needs it).
 */
class ConfigurationTest {

    @Test
    void aScoringWeightOutOfRangeStopsMatchingNamingTheSetting() throws Exception {
        Path root = Path.of(System.getProperty("alongside.root", "..")).toAbsolutePath().normalize();
        Path log = Files.createTempFile("wrong-setting", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-Dquarkus.http.port=0", "-Dkafka.bootstrap.servers=127.0.0.1:1",
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/postgres",
                "-Dquarkus.flyway.migrate-at-start=false",
                "-jar", root.resolve("matching-service/target/quarkus-app/quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("ALONGSIDE_MATCHING_WEIGHTS_LOCALITY", "101");
        Process process = builder.start();
        boolean exited = process.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        Files.delete(log);
        assertTrue(exited, "matching-service kept running with a weight of 101:\n" + output);
        assertNotEquals(0, process.exitValue());
        assertTrue(output.contains("alongside.matching.weights.locality must be less than or equal to 100"), output);
    }
}
