package org.alongside.outcomes.facts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.All;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.inbox.EventReader;
import org.alongside.platform.inbox.PoisonEventException;
import org.alongside.platform.inbox.Subscriptions;
import org.alongside.platform.kafka.KafkaSettings;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.worker.Worker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * Rebuilds the commissioning read model from the topics: empties the fact tables, then reads every topic the
 * read model's handlers need from the beginning up to the end offsets taken just after emptying them, and
 * applies each event through those same handlers. The live consumer carries on meanwhile: facts are
 * order-independent upserts, so an event applied by both leaves one effect, and anything it applied before
 * the tables were emptied lies below the end offsets and is replayed. The inbox is not consulted (every event
 * there is one to replay) nor written. Events that are unreadable or poison are skipped, as the live consumer
 * dead-lettered them.
 */
@ApplicationScoped
public class ReadModelRebuild {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);
    private static final int ATTEMPTS = 3;
    private static final String FACT_TABLES = "referral_day_count, referral_day_activity, referral_day_wait, "
            + "outcome_day, outcome_item_day, group_meeting_fact, match_sharing_day, signposting_day, outcome_pair, "
            + "measurement_fact, safeguarding_fact, session_fact, match_fact, goal_update_fact, signposting_fact, "
            + "supervision_fact, referral_fact, referrer_organisation";

    public enum State { NEVER_RUN, RUNNING, COMPLETED, FAILED }

    @Schema(name = "ReadModelRebuild", description = "The latest rebuild of the read model from the topics")
    public record Status(
            State state,
            OffsetDateTime startedAt,
            OffsetDateTime finishedAt,
            @Schema(description = "Events applied so far") long eventsApplied,
            @Schema(description = "Events skipped: unreadable, or poison (the live consumer dead-lettered them)")
            long eventsSkipped,
            @Schema(description = "Why the rebuild failed") String error) {
    }

    private final Subscriptions readModel;
    private final AgroalDataSource dataSource;
    private final KafkaSettings settings;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final AtomicReference<Status> status = new AtomicReference<>(
            new Status(State.NEVER_RUN, null, null, 0, 0, null));
    private final AtomicBoolean asked = new AtomicBoolean();
    private volatile Worker worker;

    ReadModelRebuild(@All List<ReadModelSubscriber> subscribers, EventReader reader, AgroalDataSource dataSource,
            KafkaSettings settings, ObjectMapper mapper, Clock clock) {
        this.readModel = new Subscriptions(subscribers, reader);
        this.dataSource = dataSource;
        this.settings = settings;
        this.mapper = mapper;
        this.clock = clock;
    }

    public Status status() {
        return status.get();
    }

    /** Starts a rebuild in the background; 409 while one is running. */
    public Status start() {
        Status current = status.get();
        Status running = new Status(State.RUNNING, OffsetDateTime.now(clock), null, 0, 0, null);
        if (current.state() == State.RUNNING || !status.compareAndSet(current, running)) {
            throw ProblemException.conflict("rebuild-running", "A rebuild of the read model is already running "
                    + "(started " + status.get().startedAt() + ")");
        }
        asked.set(true);
        worker.wakeUp();
        return running;
    }

    /** The rebuild runs on a worker of its own, which waits for one to be asked for. */
    void init(@Observes StartupEvent event) {
        worker = Worker.named("read-model-rebuild").build(this::rebuildIfAsked);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (worker != null) {
            worker.stop(Duration.ofSeconds(10));
        }
    }

    private Worker.Next rebuildIfAsked() {
        if (asked.getAndSet(false)) {
            run();
        }
        return Worker.Next.WAIT;
    }

    private void run() {
        long[] counts = new long[2];
        try {
            QuarkusTransaction.requiringNew().run(this::truncate);
            replay(counts);
            finish(State.COMPLETED, counts, null);
            LOG.infof("Read model rebuilt: %d events applied, %d skipped", counts[0], counts[1]);
        } catch (Exception e) {
            LOG.error("Read model rebuild failed", e);
            finish(State.FAILED, counts, e.toString());
        }
    }

    private void truncate() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE " + FACT_TABLES);
        } catch (Exception e) {
            throw new IllegalStateException("Could not empty the fact tables", e);
        }
    }

    private void replay(long[] counts) throws Exception {
        Set<String> topics = readModel.topics();
        Map<String, Object> config = new HashMap<>(settings.consumer());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.consumerGroup() + "-rebuild-" + UUID.randomUUID());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.consumerGroup() + "-rebuild");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // small batches: each holds the read model's version row until it commits, and the live consumer waits
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // taken after the tables were emptied: whatever the live consumer applied before lies below these
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (!worker.stopping() && partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                List<EventEnvelope> batch = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    EventEnvelope event = read(record);
                    if (event == null) {
                        counts[1]++;
                    } else if (readModel.wants(event.type())) {
                        batch.add(event);
                    }
                }
                apply(batch, counts);
                status.set(new Status(State.RUNNING, status.get().startedAt(), null, counts[0], counts[1], null));
            }
            if (worker.stopping()) {
                throw new IllegalStateException("the service is shutting down");
            }
        }
    }

    private EventEnvelope read(ConsumerRecord<String, byte[]> record) {
        try {
            EventEnvelope event = mapper.readValue(record.value(), EventEnvelope.class);
            return event.invalidReason() == null ? event : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** A batch in one transaction; if any event in it fails, each again on its own, skipping poison. */
    private void apply(List<EventEnvelope> batch, long[] counts) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> batch.forEach(this::handle));
            counts[0] += batch.size();
            return;
        } catch (RuntimeException batchFailed) {
            LOG.debugf("Rebuild batch failed, applying its %d events one by one: %s", batch.size(), batchFailed);
        }
        for (EventEnvelope event : batch) {
            for (int attempt = 1; ; attempt++) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> handle(event));
                    counts[0]++;
                    break;
                } catch (RuntimeException e) {
                    if (isPoison(e)) {
                        LOG.warnf("Rebuild skipped poison event %s %s: %s", event.type(), event.id(), e.getMessage());
                        counts[1]++;
                        break;
                    }
                    // the live consumer writes the same rows meanwhile: a deadlock with it is worth another try
                    if (attempt >= ATTEMPTS) {
                        throw e;
                    }
                }
            }
        }
    }

    private void handle(EventEnvelope event) {
        try {
            readModel.deliver(event);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isPoison(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonEventException) {
                return true;
            }
        }
        return false;
    }

    private void finish(State state, long[] counts, String error) {
        status.set(new Status(state, status.get().startedAt(), OffsetDateTime.now(clock), counts[0], counts[1],
                error));
    }
}
