package org.alongside.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alongside.platform.testing.KafkaBroker;

/**
 * The fault tests' own stack, apart from the shared {@link Suite}: a private PostgreSQL cluster (which they
 * restart), their own broker (which they stop) and the four packaged services (which they kill, stop, restart
 * and run twice). Started once per test JVM on first use; each test leaves it as it found it: one instance of
 * each service, everything up.
 */
final class FaultStack implements CountedStack {

    private static final Path ROOT = Path.of(System.getProperty("alongside.root", "..")).toAbsolutePath().normalize();
    private static FaultStack instance;

    final KafkaBroker broker;
    final PrivatePostgres postgres;
    private final Map<Suite.Service, List<ServiceProcess>> instances = new EnumMap<>(Suite.Service.class);

    private FaultStack() throws IOException {
        makeBuildFolderPrivate();
        postgres = PrivatePostgres.create();
        broker = KafkaBroker.create();
        // from here on whatever fails, the JVM's exit stops and removes what was started
        Runtime.getRuntime().addShutdownHook(new Thread(this::destroy));
        broker.format();
        broker.start();
        for (Suite.Service service : Suite.Service.values()) {
            postgres.createDatabase(database(service));
            instances.put(service, new ArrayList<>(List.of(newInstance(service, 1).launch())));
        }
        for (List<ServiceProcess> running : instances.values()) {
            running.get(0).awaitReady(Duration.ofSeconds(180));
        }
    }

    static synchronized FaultStack get() {
        if (instance == null) {
            try {
                instance = new FaultStack();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    static String database(Suite.Service service) {
        return "alongside_" + service.shortName();
    }

    private ServiceProcess newInstance(Suite.Service service, int number) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database(service)),
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                // batches of 5, so the backlogs of 30 and 60 the crash and shutdown tests build take several, and a
                // kill or stop lands between two of them or in one
                "alongside.consumer.batch-size", "5"));
        if (service == Suite.Service.OUTCOMES) {
            properties.put("alongside.dashboard.disclosure.enabled", "false"); // exact counts, as in the Suite
        }
        return new ServiceProcess(service, "faults-" + service.shortName() + "-" + number, properties);
    }

    /** The service's first instance, which every test keeps (it may be stopped and started again). */
    synchronized ServiceProcess primary(Suite.Service service) {
        return instances.get(service).get(0);
    }

    /** Starts one more instance of the service (same database, same consumer group) and waits until it is ready. */
    ServiceProcess addInstance(Suite.Service service) {
        ServiceProcess added;
        synchronized (this) {
            List<ServiceProcess> running = instances.get(service);
            added = newInstance(service, running.size() + 1);
            running.add(added);
        }
        return added.launch();
    }

    /** Stops (SIGTERM) every instance but the first. */
    void removeExtraInstances() {
        List<ServiceProcess> extra = new ArrayList<>();
        synchronized (this) {
            for (List<ServiceProcess> running : instances.values()) {
                while (running.size() > 1) {
                    extra.add(running.remove(running.size() - 1));
                }
            }
        }
        extra.parallelStream().forEach(ServiceProcess::stop);
    }

    /** Where a test's HTTP calls go: the first instance. */
    @Override
    public String url(Suite.Service service) {
        return primary(service).url();
    }

    /** A direct connection to the service's database in the private cluster, for counting effects. */
    @Override
    public Connection db(Suite.Service service) throws SQLException {
        return postgres.connect(database(service));
    }

    /**
     * This module's build folder is made enterable by its owner only, as a checkout in root's home or in a folder
     * from {@code mktemp -d} is: a path inside the checkout handed to another OS user (the postgres user of the
     * private cluster) then fails here, on every machine, and not only where a newcomer happened to clone.
     */
    private static void makeBuildFolderPrivate() throws IOException {
        Files.setPosixFilePermissions(ROOT.resolve("journey-tests/target"), PosixFilePermissions.fromString("rwx------"));
    }

    private void destroy() {
        List<ServiceProcess> all = new ArrayList<>();
        instances.values().forEach(all::addAll);
        all.parallelStream().forEach(ServiceProcess::kill);
        broker.destroy();
        postgres.destroy();
    }
}
