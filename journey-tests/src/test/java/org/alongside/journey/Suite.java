package org.alongside.journey;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.testing.Databases;
import org.alongside.platform.testing.KafkaBroker;
import org.alongside.platform.testing.Tokens;

/**
 * The whole suite as a user meets it: a broker process and the four packaged services, each its own JVM with
 * its own fresh database, talking only through Kafka. Started once per test JVM.
 */
final class Suite {

    enum Service {
        REFERRAL("referral-service"), MATCHING("matching-service"), SESSION("session-service"),
        OUTCOMES("outcomes-service");

        final String module;

        Service(String module) {
            this.module = module;
        }

        String database() {
            return Databases.testName("alongside_" + module.replace("-service", "") + "_journey");
        }
    }

    /** How long this suite keeps an ended referral's records before a sweep may erase them. */
    static final String RETENTION = "PT5S";

    private static Suite instance;

    final KafkaBroker broker;
    private final Map<Service, Integer> ports = new LinkedHashMap<>();
    private final List<Process> processes = new ArrayList<>();
    private final Path logs;

    private Suite() throws IOException {
        Path root = Path.of(System.getProperty("alongside.root", "..")).toAbsolutePath().normalize();
        logs = root.resolve("journey-tests/target/service-logs");
        Files.createDirectories(logs);
        broker = KafkaBroker.create();
        broker.format();
        broker.start();
        for (Service service : Service.values()) {
            ports.put(service, freePort());
        }
        for (Service service : Service.values()) {
            Databases.recreate(service.database());
            int port = ports.get(service);
            Path jar = root.resolve(service.module + "/target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: run the build (mvn verify) from the project root");
            }
            List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx256m", "-XX:+UseSerialGC",
                    "-Dquarkus.profile=local",
                    "-Dquarkus.http.port=" + port,
                    "-Dquarkus.datasource.jdbc.url=" + Databases.jdbcUrl(service.database()),
                    "-Dkafka.bootstrap.servers=" + broker.bootstrapServers(),
                    "-jar", jar.toString()));
            if (service == Service.REFERRAL) {
                // the subject access export fetches the other services' parts from where this suite runs them
                command.add(1, "-Dalongside.services.matching-url=" + url(Service.MATCHING));
                command.add(1, "-Dalongside.services.session-url=" + url(Service.SESSION));
                command.add(1, "-Dalongside.services.outcomes-url=" + url(Service.OUTCOMES));
                // retention: records of a referral that ended are kept RETENTION here (eight years in production);
                // only POST /retention/sweeps erases, so no test's referral is erased behind its back
                command.add(1, "-Dalongside.retention.period=" + RETENTION);
                command.add(1, "-Dalongside.retention.scheduled=false");
            }
            if (service == Service.OUTCOMES) {
                // the journey counts a handful of referrals exactly, so this stack's dashboard shows exact figures
                command.add(1, "-Dalongside.dashboard.disclosure.enabled=false");
            }
            processes.add(new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logs.resolve(service.module + ".log").toFile())
                    .start());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        for (Service service : Service.values()) {
            awaitReady(service, Duration.ofSeconds(120));
        }
    }

    static synchronized Suite get() {
        if (instance == null) {
            try {
                instance = new Suite();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    String url(Service service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    RequestSpecification bearer(Service service, String token) {
        return RestAssured.given().baseUri(url(service)).contentType(ContentType.JSON)
                .header("Authorization", Tokens.bearer(token));
    }

    RequestSpecification as(Service service, String role) {
        return bearer(service, Tokens.as(role));
    }

    RequestSpecification asSupervisor(Service service, String subject) {
        return bearer(service, Tokens.supervisor(subject));
    }

    RequestSpecification asReferrer(Service service, String odsCode) {
        return bearer(service, Tokens.referrer(odsCode));
    }

    RequestSpecification asPeer(Service service, UUID peerId) {
        return bearer(service, Tokens.peerWorker(peerId));
    }

    RequestSpecification anonymous(Service service) {
        return RestAssured.given().baseUri(url(service));
    }

    private void awaitReady(Service service, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(url(service) + "/q/health/ready")
                        .toURL().openConnection();
                connection.setConnectTimeout(500);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException(service.module + " not ready within " + timeout + "; see "
                + logs.resolve(service.module + ".log"));
    }

    private void stop() {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        broker.destroy();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
