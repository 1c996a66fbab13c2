package org.alongside.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real KRaft Kafka broker in its own process, run from the classpath that the {@code deploy/broker} module copies
 * from Maven Central: a single node, or one node of a {@link KafkaCluster}. It can be stopped and started again on the
 * same port with its data, which is how the outage tests take the broker away.
 */
public final class KafkaBroker {

    private static KafkaBroker shared;

    private final Path libs;
    private final Path logConfig;
    private final Path workDir;
    private final int nodeId;
    private final int port;
    private final int controllerPort;
    private Process process;

    private KafkaBroker(Path libs, int nodeId) throws IOException {
        this.libs = libs;
        this.logConfig = libs.getParent().getParent().resolve("config/log4j2.properties");
        this.workDir = Files.createTempDirectory("alongside-kafka-");
        this.nodeId = nodeId;
        this.port = FreePorts.next();
        this.controllerPort = FreePorts.next();
    }

    /** The broker for this test JVM, started on first use and stopped when the JVM exits. */
    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            try {
                KafkaBroker broker = create();
                // before it starts: a broker that starts too slowly is still stopped when the JVM exits
                Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
                broker.format();
                broker.start();
                shared = broker;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    public static KafkaBroker create() throws IOException {
        return new KafkaBroker(libs(), 1);
    }

    /** One node of a cluster; {@link #formatAsClusterNode} formats it, the cluster waits for it. */
    static KafkaBroker clusterNode(int nodeId) throws IOException {
        return new KafkaBroker(libs(), nodeId);
    }

    private static Path libs() {
        String libs = System.getProperty("alongside.broker.libs");
        if (libs == null || !Files.isDirectory(Path.of(libs))) {
            throw new IllegalStateException("System property alongside.broker.libs must name the broker classpath "
                    + "folder (built by the deploy/broker module); was " + libs);
        }
        return Path.of(libs);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int nodeId() {
        return nodeId;
    }

    /** {@code id@host:port} of this node's controller listener, as {@code controller.quorum.voters} lists it. */
    String voter() {
        return nodeId + "@127.0.0.1:" + controllerPort;
    }

    public void format() throws IOException {
        writeConfig(List.of(
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1"));
        run(List.of(java(), "-cp", libs + "/*", "kafka.tools.StorageTool", "format", "--standalone",
                "-t", UUID.randomUUID().toString().replace("-", "").substring(0, 22), "-c",
                workDir.resolve("server.properties").toString()), workDir.resolve("format.log"));
    }

    /**
     * Formats this node as one of a cluster whose controllers are {@code voters} (every node is broker and
     * controller), with the internal topics and the brokers' default for new topics replicated as production's.
     */
    void formatAsClusterNode(String clusterId, List<String> voters, int replicas, int minInSync) throws IOException {
        writeConfig(List.of(
                "controller.quorum.voters=" + String.join(",", voters),
                "default.replication.factor=" + replicas,
                "min.insync.replicas=" + minInSync,
                "offsets.topic.replication.factor=" + replicas,
                "transaction.state.log.replication.factor=" + replicas,
                "transaction.state.log.min.isr=" + minInSync,
                "share.coordinator.state.topic.replication.factor=" + replicas,
                "share.coordinator.state.topic.min.isr=" + minInSync));
        run(List.of(java(), "-cp", libs + "/*", "kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
                workDir.resolve("server.properties").toString()), workDir.resolve("format.log"));
    }

    private void writeConfig(List<String> specific) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=" + nodeId,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + workDir.resolve("data"),
                "auto.create.topics.enable=false",
                "num.partitions=6",
                "offsets.topic.num.partitions=6",
                "group.initial.rebalance.delay.ms=0"));
        lines.addAll(specific);
        lines.add("");
        Files.writeString(workDir.resolve("server.properties"), String.join("\n", lines));
    }

    /** Starts the broker process and waits until it answers metadata requests. */
    public synchronized void start() {
        launch();
        // generous: on a 2-core machine shared with other builds a broker has been seen to take 40 s
        awaitReady(Duration.ofSeconds(120));
    }

    /** Starts the broker process without waiting: a cluster's nodes answer only once a quorum of them runs. */
    synchronized void launch() {
        try {
            process = new ProcessBuilder(java(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                    "-Dlog4j2.configurationFile=" + logConfig, "-cp", libs + "/*", "kafka.Kafka",
                    workDir.resolve("server.properties").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("broker.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** Stops the broker as an outage would (SIGKILL); its data stays for the next {@link #start()}. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    public synchronized void destroy() {
        kill();
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temp folder left behind is harmless
        }
    }

    void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited; see " + workDir.resolve("broker.log"));
            }
            if (portOpen()) {
                try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    // still starting
                }
            }
            sleep(200);
        }
        throw new IllegalStateException("Kafka broker not ready within " + timeout + "; see " + workDir);
    }

    private boolean portOpen() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(List<String> command, Path log) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("Command failed: " + command + "\n" + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
