package org.alongside.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the fault tests share: counting records on topics, offsets, rows, and the FAULT report line. */
final class Faults {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path REPORT = Path.of(System.getProperty("alongside.root", "..")).toAbsolutePath()
            .normalize().resolve("journey-tests/target/fault-counts.txt");

    private Faults() {
    }

    /** Prints {@code FAULT name: k=v ...} (and keeps it in target/fault-counts.txt for docs/reliability.md). */
    static void report(String name, Map<String, ?> counts) {
        String line = "FAULT " + name + ": " + counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        System.out.println(line);
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, Instant.now() + " " + line + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the line is on stdout anyway
        }
    }

    static Map<String, Object> counts(Object... keysAndValues) {
        Map<String, Object> counts = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            counts.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return counts;
    }

    /** Polls until the condition holds; fails with {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + timeout + ": " + what);
            }
            sleep(500);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every record now on the topic, from the beginning up to the end offsets of this moment. */
    static List<ConsumerRecord<String, byte[]>> records(String bootstrap, String topic) {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("Could not read " + topic + " to its end within 60 s");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        all.add(r);
                    }
                });
            }
        }
        return all;
    }

    static JsonNode json(ConsumerRecord<String, byte[]> record) {
        try {
            return MAPPER.readTree(record.value());
        } catch (IOException e) {
            return null;
        }
    }

    /** The CloudEvents on the topic whose subject is one of {@code subjects}, as JSON. */
    static List<JsonNode> eventsAbout(String bootstrap, String topic, java.util.Collection<String> subjects) {
        return records(bootstrap, topic).stream().map(Faults::json)
                .filter(e -> e != null && subjects.contains(e.path("subject").asText())).toList();
    }

    /** How often each event id occurs among {@code events}. */
    static Map<String, Long> byId(List<JsonNode> events) {
        return events.stream().collect(Collectors.groupingBy(e -> e.path("id").asText(), Collectors.counting()));
    }

    /** How many events of {@code type} there are per subject. */
    static Map<String, Long> perSubject(List<JsonNode> events, String type) {
        return events.stream().filter(e -> type.equals(e.path("type").asText()))
                .collect(Collectors.groupingBy(e -> e.path("subject").asText(), Collectors.counting()));
    }

    /**
     * How many distinct events of {@code type} there are per subject. A relay that dies between Kafka's
     * acknowledgement and marking its outbox row sends the row again after its restart, with the same id: the same
     * event twice, which consumers' inboxes apply once. Distinct ids count the events; records count the copies.
     */
    static Map<String, Long> distinctPerSubject(List<JsonNode> events, String type) {
        return events.stream().filter(e -> type.equals(e.path("type").asText()))
                .collect(Collectors.groupingBy(e -> e.path("subject").asText(),
                        Collectors.collectingAndThen(Collectors.mapping(e -> e.path("id").asText(),
                                Collectors.toSet()), set -> (long) set.size())));
    }

    /** Publishes a raw record straight to a topic, as a misbehaving producer would; returns where it landed. */
    static RecordMetadata publish(String bootstrap, String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    /** The consumer group's committed offsets on the topic's partitions (0 where it has committed none). */
    static Map<TopicPartition, Long> committed(String bootstrap, String group, String topic) {
        try (Admin admin = admin(bootstrap)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, Long> result = new HashMap<>();
            for (TopicPartition tp : endOffsets(admin, topic).keySet()) {
                OffsetAndMetadata offset = offsets.get(tp);
                result.put(tp, offset == null ? 0L : offset.offset());
            }
            return result;
        } catch (Exception e) {
            throw new IllegalStateException("Could not read offsets of " + group, e);
        }
    }

    static Map<TopicPartition, Long> endOffsets(String bootstrap, String topic) {
        try (Admin admin = admin(bootstrap)) {
            return endOffsets(admin, topic);
        } catch (Exception e) {
            throw new IllegalStateException("Could not read end offsets of " + topic, e);
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                .partitions().size();
        Set<TopicPartition> all = new HashSet<>();
        for (int p = 0; p < partitions; p++) {
            all.add(new TopicPartition(topic, p));
        }
        return latest(admin, all);
    }

    /**
     * Waits until nothing is in flight: each service's consumer group, with its members, has committed to the end
     * of every partition assigned to it; then every outbox is empty; then no record has been added since. A consumer
     * commits only after its effects (and any events they raise) are in its database, so a late or doubled effect
     * has by then either shown or cannot come, and the counts taken next are final rather than hoped for.
     */
    static void awaitSettled(CountedStack stack, String bootstrap) {
        await("every event published and consumed", Duration.ofSeconds(120), () -> {
            try (Admin admin = admin(bootstrap)) {
                Map<TopicPartition, Long> consumed = consumedToTheEnd(admin);
                return consumed != null
                        && Arrays.stream(Suite.Service.values()).allMatch(s -> count(stack, s,
                                "SELECT count(*) FROM outbox") == 0)
                        && consumed.equals(latest(admin, consumed.keySet()));
            } catch (Exception e) {
                throw new IllegalStateException("Could not read the consumer groups", e);
            }
        });
    }

    /** The end offsets of every partition the services consume, or null while a group is behind or rebalancing. */
    private static Map<TopicPartition, Long> consumedToTheEnd(Admin admin) throws Exception {
        List<String> groups = Arrays.stream(Suite.Service.values()).map(s -> s.module).toList();
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (var group : admin.describeConsumerGroups(groups).all().get(30, TimeUnit.SECONDS).values()) {
            if (group.groupState() != GroupState.STABLE) {
                return null;
            }
            Set<TopicPartition> assigned = group.members().stream()
                    .flatMap(m -> m.assignment().topicPartitions().stream()).collect(Collectors.toSet());
            Map<TopicPartition, Long> end = latest(admin, assigned);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            for (TopicPartition tp : assigned) {
                OffsetAndMetadata offset = committed.get(tp);
                if ((offset == null ? 0L : offset.offset()) != end.get(tp)) {
                    return null;
                }
            }
            ends.putAll(end);
        }
        return ends;
    }

    private static Map<TopicPartition, Long> latest(Admin admin, Set<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> end = new HashMap<>();
        admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> end.put(tp, info.offset()));
        return end;
    }

    /** One number from the service's database. */
    static long count(CountedStack stack, Suite.Service service, String sql, Object... params) {
        try (Connection connection = stack.db(service); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of every row, as strings. */
    static List<String> column(CountedStack stack, Suite.Service service, String sql, Object... params) {
        try (Connection connection = stack.db(service); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setObject(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * Refers and accepts up to {@code max} referrals while matching-service's proposal table is held in SHARE mode:
     * matching's consumer stops at the first acceptance it applies and the events behind it pile up on the topic.
     * Released, they arrive as one big batch: the backlog the crash and shutdown tests cut into. The hold lasts
     * under 45 s, well inside the consumer's transaction timeout (60 s), so the blocked event is never failed.
     */
    static List<String> backlogForMatching(FaultStack stack, int max, Map<String, Object> body) throws SQLException {
        List<String> sent = new ArrayList<>();
        try (Connection hold = stack.db(Suite.Service.MATCHING)) {
            hold.setAutoCommit(false);
            try (java.sql.Statement lock = hold.createStatement()) {
                lock.execute("LOCK TABLE proposal IN SHARE MODE");
            }
            Instant until = Instant.now().plusSeconds(25);
            while (sent.size() < max && Instant.now().isBefore(until)) {
                String id = Journeys.refer(stack, body);
                Journeys.accept(stack, id);
                sent.add(id);
            }
            await("the acceptances are on the topic", Duration.ofSeconds(15), () -> count(stack,
                    Suite.Service.REFERRAL, "SELECT count(*) FROM outbox") == 0);
            hold.rollback();
        }
        if (sent.size() < 10) {
            throw new AssertionError("Only " + sent.size() + " referrals in 25 s: too few for a backlog");
        }
        return sent;
    }

    /** A referral body for the fault tests, about a condition a test's own peer shares. */
    static Map<String, Object> referral(String snomedCode, String display) {
        return Journeys.referral("Fault", "9434765919", "HU1 1AA", snomedCode, display);
    }

    static String uuid() {
        return UUID.randomUUID().toString();
    }
}
