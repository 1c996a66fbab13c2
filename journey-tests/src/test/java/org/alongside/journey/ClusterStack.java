package org.alongside.journey;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.alongside.platform.testing.Databases;
import org.alongside.platform.testing.KafkaCluster;

/**
 * The four packaged services on a replicated Kafka cluster as production runs it (three brokers, topics on three
 * replicas, {@code min.insync.replicas} 2), each with a fresh database of its own on the machine's PostgreSQL.
 * Started by the one test that needs it and closed after it, so its seven JVMs do not outlive it.
 */
final class ClusterStack implements CountedStack, AutoCloseable {

    static final int BROKERS = 3;
    static final int MIN_IN_SYNC = 2;

    final KafkaCluster kafka;
    private final Map<Suite.Service, ServiceProcess> services = new EnumMap<>(Suite.Service.class);

    ClusterStack() throws IOException {
        kafka = KafkaCluster.start(BROKERS, MIN_IN_SYNC);
        try {
            for (Suite.Service service : Suite.Service.values()) {
                Databases.recreate(database(service));
                Map<String, String> properties = new HashMap<>(Map.of(
                        "quarkus.datasource.jdbc.url", Databases.jdbcUrl(database(service)),
                        "kafka.bootstrap.servers", kafka.bootstrapServers(),
                        // as deploy/kubernetes/base/platform-config.yaml: topics a service creates get three replicas
                        "alongside.kafka.replication-factor", String.valueOf(BROKERS)));
                if (service == Suite.Service.OUTCOMES) {
                    properties.put("alongside.dashboard.disclosure.enabled", "false"); // exact counts
                }
                services.put(service, new ServiceProcess(service, "cluster-" + service.shortName(), properties).launch());
            }
            for (ServiceProcess process : services.values()) {
                process.awaitReady(Duration.ofSeconds(180));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static String database(Suite.Service service) {
        return Databases.testName("alongside_" + service.shortName() + "_cluster");
    }

    @Override
    public String url(Suite.Service service) {
        return services.get(service).url();
    }

    @Override
    public Connection db(Suite.Service service) throws SQLException {
        return DriverManager.getConnection(Databases.jdbcUrl(database(service)), Databases.USER, "");
    }

    @Override
    public void close() {
        services.values().parallelStream().forEach(ServiceProcess::stop);
        kafka.destroy();
    }
}
