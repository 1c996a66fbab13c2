package org.alongside.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.alongside.platform.testing.FreePorts;
import org.alongside.platform.testing.ServiceJvm;

/**
 * One instance of a packaged service, run as its own JVM from {@code <module>/target/quarkus-app/quarkus-run.jar}
 * on its own port. It can be stopped as an orchestrator would ({@link #stop()}, SIGTERM), killed as a crash would
 * ({@link #kill()}, SIGKILL) and started again on the same port with the same settings.
 */
final class ServiceProcess {

    private static final Path ROOT = Path.of(System.getProperty("alongside.root", "..")).toAbsolutePath().normalize();
    private static final Path LOGS = ROOT.resolve("journey-tests/target/service-logs");

    final Suite.Service service;
    final String name;
    final int port;
    private final List<String> command;
    private final Path log;
    private Process process;

    /**
     * @param name names the instance in its log file, e.g. {@code matching-service} or {@code faults-matching-2}
     * @param properties system properties (-D) for the service, besides the port
     */
    ServiceProcess(Suite.Service service, String name, Map<String, String> properties) {
        this(service, service.module, name, properties);
    }

    /** The web console: a module of its own, not one of the four services (service is null). */
    static ServiceProcess console(String name, Map<String, String> properties) {
        return new ServiceProcess(null, "console", name, properties);
    }

    private ServiceProcess(Suite.Service service, String module, String name, Map<String, String> properties) {
        this.service = service;
        this.name = name;
        this.port = FreePorts.next();
        Path jar = ROOT.resolve(module + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the build (mvn verify) from the project root");
        }
        command = new ArrayList<>(List.of(javaBin()));
        command.addAll(ServiceJvm.options(jar.getParent()));
        command.addAll(List.of("-Dquarkus.profile=local", "-Dquarkus.http.port=" + port));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        log = LOGS.resolve(name + ".log");
    }

    /** A system property known only once another process of the suite has its port; before {@link #launch()}. */
    void setProperty(String key, String value) {
        command.add(command.size() - 2, "-D" + key + "=" + value);
    }

    /** Starts the JVM (appending to its log) without waiting for it. */
    synchronized ServiceProcess launch() {
        if (alive()) {
            throw new IllegalStateException(name + " is already running");
        }
        try {
            Files.createDirectories(LOGS);
            Files.writeString(log, "---- start " + Instant.now() + "\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(ServiceJvm.environment());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Starts the JVM and waits until it reports ready. */
    ServiceProcess start() {
        launch();
        awaitReady(Duration.ofSeconds(180));
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The same port by the name browsers treat as a secure context, so that Secure cookies are kept over http. */
    String localhostUrl() {
        return "http://localhost:" + port;
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    synchronized long pid() {
        return process.pid();
    }

    /** SIGTERM: Quarkus shuts down gracefully (in-flight requests finish, consumers commit). Waits for the exit. */
    void stop() {
        end(false);
    }

    /** SIGKILL, {@code kill -9}: the JVM vanishes mid-work, as in a crash or an OOM kill. Waits for the exit. */
    void kill() {
        end(true);
    }

    /** The exit code of the last run, once it has ended. */
    synchronized int exitValue() {
        return process.exitValue();
    }

    private void end(boolean forcibly) {
        Process current;
        synchronized (this) {
            current = process;
        }
        if (current == null || !current.isAlive()) {
            return;
        }
        if (forcibly) {
            current.destroyForcibly();
        } else {
            current.destroy();
        }
        try {
            if (!current.waitFor(60, TimeUnit.SECONDS)) {
                current.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True when {@code /q/health/ready} answers 200. */
    boolean ready() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url() + "/q/health/ready").toURL()
                    .openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(5_000);
            return connection.getResponseCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!alive()) {
                throw new IllegalStateException(name + " exited while starting; see " + log);
            }
            if (ready()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Path root() {
        return ROOT;
    }
}
