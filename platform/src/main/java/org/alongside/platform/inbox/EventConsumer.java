package org.alongside.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.All;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.Topics;
import org.alongside.platform.failure.Failures;
import org.alongside.platform.kafka.KafkaSettings;
import org.alongside.platform.kafka.TopicBootstrap;
import org.alongside.platform.worker.Worker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Consumes the topics this service's {@link EventSubscriber}s need and hands each event, read as its type's record,
 * to the method that handles it, in a transaction with its inbox entry. A poll's events are applied together, in
 * one transaction and one commit; when that fails, the poll is applied again one record at a time, each in its own
 * transaction, which finds and isolates the record at fault. Three outcomes per record:
 * <ul>
 * <li>applied (or recognised as a duplicate): the offset moves on;</li>
 * <li>the database is unavailable: the partition is rewound and retried after the worker's back-off, nothing is
 * skipped;</li>
 * <li>the event is unusable (unparseable, or its handler keeps failing): it goes to this service's dead-letter
 * topic with the error, and the partition moves on.</li>
 * </ul>
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private static final int ATTEMPTS_BEFORE_DEAD_LETTER = 3;

    private final Subscriptions subscriptions;
    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final KafkaSettings settings;
    private final TopicBootstrap topics;
    private final ObjectMapper mapper;
    private final Instance<EntityManager> persistence;
    private final boolean enabled;
    private final int batchSize;

    private volatile Worker worker;
    private volatile KafkaConsumer<String, byte[]> consumer;

    EventConsumer(@All List<EventSubscriber> subscribers, EventReader reader, Inbox inbox, DeadLetters deadLetters,
            KafkaSettings settings, TopicBootstrap topics, ObjectMapper mapper, Instance<EntityManager> persistence,
            EventConsumerConfig config) {
        this.subscriptions = new Subscriptions(subscribers, reader);
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.settings = settings;
        this.topics = topics;
        this.mapper = mapper;
        this.persistence = persistence;
        this.enabled = config.enabled();
        this.batchSize = config.batchSize();
    }

    void start(@Observes StartupEvent event) {
        if (!enabled || subscriptions.isEmpty()) {
            return;
        }
        worker = Worker.named("event-consumer").onStop(this::interruptPoll).onExit(this::closeConsumer)
                .build(this::consume);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (worker != null) {
            worker.stop(Duration.ofSeconds(10));
        }
    }

    /** Polls once and applies what came; backs off while the topics cannot be had or a record must wait. */
    private Worker.Next consume() {
        KafkaConsumer<String, byte[]> kafka = consumer;
        if (kafka == null) {
            List<String> needed = new ArrayList<>(subscriptions.topics());
            needed.add(Topics.deadLetter(settings.consumerGroup()));
            if (!topics.ensure(needed)) {
                return Worker.Next.BACK_OFF;
            }
            Map<String, Object> consumerSettings = settings.consumer();
            consumerSettings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize);
            kafka = new KafkaConsumer<>(consumerSettings);
            kafka.subscribe(subscriptions.topics());
            consumer = kafka;
            LOG.infof("Consuming %s as group %s", subscriptions.topics(), settings.consumerGroup());
        }
        try {
            ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(500));
            return records.isEmpty() || processBatch(kafka, records) ? Worker.Next.AGAIN : Worker.Next.BACK_OFF;
        } catch (RuntimeException e) {
            // not polled again in an unknown state: the next round subscribes afresh from the committed offsets
            closeConsumer();
            throw e;
        }
    }

    /** Called on the stopping thread: ends a poll in progress (the one consumer method safe from another thread). */
    private void interruptPoll() {
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void closeConsumer() {
        KafkaConsumer<String, byte[]> current = consumer;
        consumer = null;
        if (current != null) {
            current.close();
        }
    }

    /** True when every record was finished with; false when a partition was rewound to try again later. */
    private boolean processBatch(KafkaConsumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
        if (applyTogether(records)) {
            Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
            for (TopicPartition partition : records.partitions()) {
                List<ConsumerRecord<String, byte[]>> polled = records.records(partition);
                next.put(partition, new OffsetAndMetadata(polled.get(polled.size() - 1).offset() + 1));
            }
            commit(kafka, next);
            return true;
        }
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        boolean rewound = false;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (worker.stopping() || !process(record)) {
                    // not applied: rewind so the next poll delivers this record again
                    kafka.seek(partition, record.offset());
                    rewound = true;
                    break;
                }
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        if (!done.isEmpty()) {
            commit(kafka, done);
        }
        return !rewound;
    }

    /**
     * Applies a poll's events in one transaction, each with its inbox entry as alone, so a poll costs one commit
     * instead of one per event. False, having changed nothing, when a record needs handling on its own: an
     * unreadable or invalid one (for the dead-letter topic), or any failure, after which the record-by-record
     * path retries, backs off or dead-letters exactly the record at fault.
     */
    private boolean applyTogether(ConsumerRecords<String, byte[]> records) {
        if (records.count() < 2 || worker.stopping()) {
            return false;
        }
        List<Map.Entry<EventEnvelope, ConsumerRecord<String, byte[]>>> wanted = new ArrayList<>();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                EventEnvelope event;
                try {
                    event = mapper.readValue(record.value(), EventEnvelope.class);
                } catch (Exception e) {
                    return false;
                }
                if (event.invalidReason() != null) {
                    return false;
                }
                if (subscriptions.wants(event.type())) {
                    wanted.add(Map.entry(event, record));
                }
            }
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> wanted.forEach(applying -> {
                apply(applying.getKey(), applying.getValue());
                // each event's handler sees the one before it as it would after its commit
                if (persistence.isResolvable()) {
                    persistence.get().flush();
                }
            }));
            return true;
        } catch (Exception e) {
            LOG.debugf("A poll's %d events could not be applied together, so one by one: %s", wanted.size(),
                    e.toString());
            return false;
        }
    }

    /**
     * Commits the offsets of records already applied. A stop wakes the consumer to end a poll; if it comes while a
     * batch is being applied, the next blocking call, this commit, throws instead: commit again (the wake-up is
     * spent), so a graceful stop leaves nothing it applied to be delivered again.
     */
    private static void commit(KafkaConsumer<String, byte[]> kafka, Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            kafka.commitSync(offsets);
        } catch (WakeupException e) {
            kafka.commitSync(offsets);
        }
    }

    /** True when the record is finished with (applied, duplicate, ignored or dead-lettered). */
    private boolean process(ConsumerRecord<String, byte[]> record) {
        EventEnvelope event;
        try {
            event = mapper.readValue(record.value(), EventEnvelope.class);
        } catch (Exception e) {
            return deadLetters.send(record, "Unreadable event: " + e.getMessage());
        }
        String invalid = event.invalidReason();
        if (invalid != null) {
            return deadLetters.send(record, "Invalid event envelope: " + invalid);
        }
        if (!subscriptions.wants(event.type())) {
            return true;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> apply(event, record));
                return true;
            } catch (Exception e) {
                if (Failures.isDatabaseUnavailable(e)) {
                    LOG.warnf("Database unavailable while applying %s %s; will retry", event.type(), event.id());
                    return false;
                }
                Throwable cause = rootCause(e);
                if (cause instanceof PoisonEventException || attempt >= ATTEMPTS_BEFORE_DEAD_LETTER) {
                    LOG.errorf("Event %s %s dead-lettered after %d attempt(s): %s", event.type(), event.id(), attempt,
                            cause.toString());
                    return deadLetters.send(record, cause.toString());
                }
                pause(100L * attempt);
            }
        }
    }

    private void apply(EventEnvelope event, ConsumerRecord<String, byte[]> record) {
        try {
            if (!inbox.firstDelivery(event.id(), event.type(), record.topic(), record.partition(), record.offset())) {
                LOG.debugf("Duplicate delivery of %s ignored", event.id());
                return;
            }
            subscriptions.deliver(event);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new EventHandlingException(e);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause
                && !(cause instanceof PoisonEventException)) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Carries a checked exception out of a transaction lambda. */
    static final class EventHandlingException extends RuntimeException {
        EventHandlingException(Exception cause) {
            super(cause);
        }
    }

}
