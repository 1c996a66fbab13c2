package org.alongside.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a service under test the real infrastructure: a Kafka broker process and its own PostgreSQL database.
 * Init arg {@code database} names the database (created when missing; Flyway cleans it at start in tests).
 */
public class AlongsideTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        String named = initArgs.get("database");
        if (named == null) {
            throw new IllegalArgumentException("AlongsideTestResource needs a 'database' init arg");
        }
        database = Databases.testName(named);
    }

    @Override
    public Map<String, String> start() {
        Databases.ensureExists(database);
        return Map.of(
                "kafka.bootstrap.servers", KafkaBroker.shared().bootstrapServers(),
                "quarkus.datasource.jdbc.url", Databases.jdbcUrl(database));
    }

    @Override
    public void stop() {
        // the broker lives for the whole test JVM and is removed by its shutdown hook
    }
}
