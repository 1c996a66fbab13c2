package org.alongside.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.alongside.platform.events.Topics;
import org.alongside.platform.kafka.KafkaSettings;
import org.alongside.platform.kafka.TopicBootstrap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Ships committed outbox rows to Kafka in commit order and marks them published.
 *
 * <p>It is woken by {@link Outbox} as each transaction commits, so an event usually leaves within milliseconds;
 * a slow poll catches rows written by other instances or left behind by a crash. A PostgreSQL advisory lock
 * lets only one relay per database publish at a time, which keeps per-referral order when several instances
 * run. A crash between Kafka's acknowledgement and the update re-sends a batch: consumers' inboxes make that
 * harmless (at-least-once delivery, exactly-once effect).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary, fixed: each service owns its database, so one key per database is enough. */
    private static final long RELAY_LOCK = 0x414c4f4e47L;

    private final AgroalDataSource dataSource;
    private final KafkaSettings settings;
    private final TopicBootstrap topics;
    private final boolean enabled;
    private final Duration pollInterval;
    private final Duration gather;
    private final int batchSize;
    private final Duration retention;
    private final Semaphore wakeUps = new Semaphore(0);

    private volatile boolean running;
    private Thread worker;
    private Producer<String, byte[]> producer;
    private long lastCleanup;

    OutboxRelay(AgroalDataSource dataSource, KafkaSettings settings, TopicBootstrap topics,
            @ConfigProperty(name = "alongside.outbox.relay.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "alongside.outbox.poll-interval", defaultValue = "PT0.5S") Duration pollInterval,
            @ConfigProperty(name = "alongside.outbox.gather", defaultValue = "PT0.005S") Duration gather,
            @ConfigProperty(name = "alongside.outbox.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "alongside.outbox.retention", defaultValue = "P7D") Duration retention) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.topics = topics;
        this.enabled = enabled;
        this.pollInterval = pollInterval;
        this.gather = gather;
        this.batchSize = batchSize;
        this.retention = retention;
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wakeUp();
        if (worker != null) {
            worker.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** Called after a transaction that wrote events commits. */
    public void wakeUp() {
        wakeUps.release();
    }

    private void run() {
        long backoffMs = 0;
        while (running) {
            try {
                if (backoffMs > 0) {
                    Thread.sleep(backoffMs);
                } else if (wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS) && !gather.isZero()) {
                    // Woken by a commit: give the transactions committing alongside it a few milliseconds to land in
                    // the same batch. Under load a batch of one cost a lock, a select, a produce round trip, an
                    // update and a commit per event (bench/IntakeBench, per-thread CPU).
                    Thread.sleep(gather.toMillis());
                }
                wakeUps.drainPermits();
                if (producer == null) {
                    if (!topics.ensure(Topics.ALL)) {
                        backoffMs = nextBackoff(backoffMs);
                        continue;
                    }
                    producer = new KafkaProducer<>(settings.producer("outbox"));
                }
                while (running && publishBatch() == batchSize) {
                    // a full batch means more may be waiting: keep draining without sleeping
                }
                cleanUpPublished();
                backoffMs = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                backoffMs = nextBackoff(backoffMs);
                LOG.warnf("Outbox relay could not publish (retrying in %d ms): %s", backoffMs, e.getMessage());
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private static long nextBackoff(long current) {
        return Math.min(Math.max(current * 2, 200), 5_000);
    }

    /** Publishes up to one batch and returns how many rows it published. */
    int publishBatch() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int published = publishBatch(connection);
                connection.commit();
                return published;
            } catch (Exception e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private int publishBatch(Connection connection) throws Exception {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return 0; // another instance is publishing this database's outbox
                }
            }
        }
        List<UUID> ids = new ArrayList<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, topic, message_key, payload::text FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT ?")) {
            select.setInt(1, batchSize);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Future<RecordMetadata> send = producer.send(new ProducerRecord<>(rs.getString(2), rs.getString(3),
                            rs.getString(4).getBytes(StandardCharsets.UTF_8)));
                    ids.add(rs.getObject(1, UUID.class));
                    sends.add(send);
                    if (failed(send)) {
                        break; // refused at once (no broker): sending the rows behind it would overtake it
                    }
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        // Mark every row Kafka acknowledged, even when others in the batch failed: a row left unmarked is sent
        // again, so marking only all-or-nothing put the acknowledged ones on the topic twice after an outage.
        List<UUID> delivered = new ArrayList<>();
        Exception failure = null;
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get();
                delivered.add(ids.get(i));
            } catch (ExecutionException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (!delivered.isEmpty()) {
            try (PreparedStatement mark = connection.prepareStatement(
                    "UPDATE outbox SET published_at = now() WHERE id = ANY(?)")) {
                mark.setArray(1, connection.createArrayOf("uuid", delivered.toArray()));
                mark.executeUpdate();
            }
        }
        if (failure != null) {
            connection.commit(); // keep the marks; the caller backs off and retries the rest
            throw failure;
        }
        return ids.size();
    }

    private static boolean failed(Future<RecordMetadata> send) {
        if (!send.isDone()) {
            return false;
        }
        try {
            send.get();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (ExecutionException e) {
            return true;
        }
    }

    private void cleanUpPublished() throws SQLException {
        long now = System.currentTimeMillis();
        if (now - lastCleanup < TimeUnit.MINUTES.toMillis(10)) {
            return;
        }
        lastCleanup = now;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM outbox WHERE published_at < now() - make_interval(secs => ?)")) {
            delete.setLong(1, retention.toSeconds());
            delete.executeUpdate();
        }
    }
}
