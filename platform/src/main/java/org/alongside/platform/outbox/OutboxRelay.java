package org.alongside.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.Topics;
import org.alongside.platform.kafka.KafkaSettings;
import org.alongside.platform.kafka.TopicBootstrap;
import org.alongside.platform.worker.Worker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Ships committed outbox rows to Kafka in commit order and deletes each row Kafka acknowledged.
 *
 * <p>It runs on a {@link Worker} that {@link Outbox} wakes as each transaction commits, so an event usually leaves
 * within milliseconds; a slow poll catches rows written by other instances or left behind by a crash; while the
 * broker is away it backs off and retries, and the rows wait in order. A PostgreSQL advisory lock
 * lets only one relay per database publish at a time, which keeps per-referral order when several instances
 * run. A crash between Kafka's acknowledgement and the delete re-sends a batch: consumers' inboxes make that
 * harmless (at-least-once delivery, exactly-once effect).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary, fixed: each service owns its database, so one key per database is enough. */
    private static final long RELAY_LOCK = 0x414c4f4e47L;
    private static final byte[] CONTENT_TYPE = EventEnvelope.KAFKA_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8);

    private final AgroalDataSource dataSource;
    private final KafkaSettings settings;
    private final TopicBootstrap topics;
    private final TransactionSynchronizationRegistry transactions;
    private final boolean enabled;
    private final Duration pollInterval;
    private final Duration gather;
    private final int batchSize;

    private volatile Worker worker;
    private Producer<String, byte[]> producer;

    OutboxRelay(AgroalDataSource dataSource, KafkaSettings settings, TopicBootstrap topics,
            TransactionSynchronizationRegistry transactions, OutboxConfig config) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.topics = topics;
        this.transactions = transactions;
        this.enabled = config.relay().enabled();
        this.pollInterval = config.pollInterval();
        this.gather = config.gather();
        this.batchSize = config.batchSize();
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        // Under load the relay gathers a few milliseconds after each round so the transactions committing alongside
        // land in the same batch: a batch of one cost a lock, a select, a produce round trip, a delete and a commit
        // per event (bench/IntakeBench, per-thread CPU). A commit after a quiet spell is published at once.
        worker = Worker.named("outbox-relay").pollEvery(pollInterval).gatherAfterWakeUp(gather)
                .onExit(this::closeProducer).build(this::publishDue);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (worker != null) {
            worker.stop(Duration.ofSeconds(10));
        }
    }

    /** Wakes the relay once the caller's transaction, which wrote events, has committed. */
    void wakeUpAfterCommit() {
        if (worker != null) {
            worker.wakeUpAfterCommit(transactions);
        }
    }

    /** Publishes every committed row waiting, batch by batch; backs off while the broker cannot take them. */
    private Worker.Next publishDue() throws Exception {
        if (producer == null) {
            if (!topics.ensure(Topics.ALL)) {
                return Worker.Next.BACK_OFF;
            }
            producer = new KafkaProducer<>(settings.producer("outbox"));
        }
        while (!worker.stopping() && publishBatch() == batchSize) {
            // a full batch means more may be waiting: keep draining without waiting
        }
        return Worker.Next.WAIT;
    }

    private void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
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
                "SELECT id, topic, message_key, payload::text FROM outbox ORDER BY seq LIMIT ?")) {
            select.setInt(1, batchSize);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(rs.getString(2), rs.getString(3),
                            rs.getString(4).getBytes(StandardCharsets.UTF_8));
                    // CloudEvents Kafka binding, structured mode: the SDKs read the value as the whole event
                    record.headers().add(EventEnvelope.KAFKA_CONTENT_TYPE_HEADER, CONTENT_TYPE);
                    Future<RecordMetadata> send = producer.send(record);
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
        // The whole batch is handed over: send it now rather than after the producer's linger, since the relay waits
        // for every acknowledgement below anyway.
        producer.flush();
        // Delete every row Kafka acknowledged, even when others in the batch failed: a row left behind is sent
        // again, so deleting only all-or-nothing put the acknowledged ones on the topic twice after an outage.
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
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE id = ANY(?)")) {
                delete.setArray(1, connection.createArrayOf("uuid", delivered.toArray()));
                delete.executeUpdate();
            }
        }
        if (failure != null) {
            connection.commit(); // keep the deletes; the caller backs off and retries the rest
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
}
