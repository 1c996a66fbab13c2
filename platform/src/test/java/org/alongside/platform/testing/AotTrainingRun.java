package org.alongside.platform.testing;

import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A service's packaged jar run as the AOT cache's training run (docs/performance.md): the JVM settings of
 * deploy/local/lib/service-jvm.sh plus {@code -XX:AOTCacheOutput} (JEP 514), a fresh database and the test JVM's
 * broker, in the {@code local} profile as deploy/local/up runs it. A test drives it over HTTP and Kafka (RestAssured
 * points at it meanwhile); {@link #close()} stops it with SIGTERM, and the JVM writes
 * {@code target/quarkus-app/app.aot} from what it recorded before it exits.
 * <p>
 * Quarkus's own training (its integration-test launcher with {@code quarkus.package.jar.aot.enabled}) waits only
 * 20 s for the cache to be assembled and then deletes the recording: on a 2-core machine shared with other builds
 * that left no cache at all. Here the JVM itself assembles it on exit, and the run waits for that.
 */
public final class AotTrainingRun implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofMinutes(10);
    private static final Duration WRITTEN_WITHIN = Duration.ofMinutes(15);
    private static final FileTime JIB_FILE_TIME = FileTime.from(Instant.ofEpochSecond(1));

    private final Path app;
    private final Path log;
    private final int port;
    private final Process process;

    private AotTrainingRun(Path app, String database) throws IOException {
        this.app = app;
        this.log = app.getParent().resolve("aot-training.log");
        this.port = FreePorts.next();
        Files.deleteIfExists(app.resolve("app.aot"));
        giveTheImagesTime(app);
        String db = Databases.testName(database);
        Databases.recreate(db);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(ServiceJvm.trainingOptions(app));
        command.addAll(List.of("-Dquarkus.profile=local", "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + Databases.jdbcUrl(db),
                "-Dkafka.bootstrap.servers=" + KafkaBroker.shared().bootstrapServers(),
                "-jar", app.resolve("quarkus-run.jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(ServiceJvm.environment());
        process = builder.start();
    }

    /** Starts the packaged service of the module the test runs in, and waits until it is ready. */
    public static AotTrainingRun start(String database) {
        Path app = Path.of("target/quarkus-app").toAbsolutePath();
        if (!Files.exists(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(app + "/quarkus-run.jar is missing: the training run needs the package");
        }
        try {
            AotTrainingRun run = new AotTrainingRun(app, database);
            run.awaitReady();
            RestAssured.baseURI = "http://127.0.0.1";
            RestAssured.port = run.port;
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JVM refuses an AOT cache when a jar's modification time differs from the training run's, and Jib gives every
     * file of an image one fixed time, 1 s after the epoch (deploy/images): the training runs on jars with that time,
     * so one cache fits both the build's directory and the image.
     */
    private static void giveTheImagesTime(Path app) throws IOException {
        try (Stream<Path> files = Files.walk(app)) {
            for (Path jar : files.filter(file -> file.toString().endsWith(".jar")).toList()) {
                Files.setLastModifiedTime(jar, JIB_FILE_TIME);
            }
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The training run exited while starting; see " + log);
            }
            if (ready()) {
                return;
            }
            sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The training run was not ready within " + READY_WITHIN + "; see " + log);
    }

    private boolean ready() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port
                    + "/q/health/ready").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(5_000);
            return connection.getResponseCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Stops the service (SIGTERM) and waits while its JVM writes the cache; fails when there is none. */
    @Override
    public void close() {
        RestAssured.reset();
        process.destroy();
        try {
            if (!process.waitFor(WRITTEN_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("The training run did not write its AOT cache within "
                        + WRITTEN_WITHIN + "; see " + log);
            }
            Path cache = app.resolve("app.aot");
            if (!Files.exists(cache) || Files.size(cache) == 0) {
                throw new IllegalStateException("The training run wrote no AOT cache at " + cache + "; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
