import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Where the time from a referral's acceptance to its proposals goes, stage by stage, for the last referrals accepted
 * on the running stack (typically the end-to-end part of bench/IntakeBench.java just run). It reads the clocks each
 * stage leaves behind, all on this one machine:
 * <ol>
 * <li>the acceptance: {@code referral_status_change.changed_at} in referral-service, taken inside its transaction;</li>
 * <li>the event handed to Kafka: the {@code referral.accepted} record's timestamp (the producer's, at send);</li>
 * <li>matching-service's transaction applying it: {@code inbox.processed_at}, PostgreSQL's {@code now()};</li>
 * <li>the first proposal: {@code proposal.proposed_at}, taken by matching-service as it proposes.</li>
 * </ol>
 * Run with bench/accept-stages.sh [how many, default 200].
 */
public class AcceptStages {

    private static final Pattern TYPE = Pattern.compile("\"type\": ?\"([^\"]+)\"");
    private static final String REFERRALS = "alongside.referrals.v1";

    public static void main(String[] args) throws Exception {
        int last = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String db = System.getProperty("db", "jdbc:postgresql://127.0.0.1:5432/");
        String suffix = System.getProperty("dbSuffix", "");
        Map<UUID, Long> accepted = new HashMap<>();
        try (Connection referral = DriverManager.getConnection(db + "alongside_referral" + suffix, "postgres", "");
                ResultSet rs = referral.createStatement().executeQuery("""
                        SELECT referral_id, changed_at FROM referral_status_change WHERE to_status = 'ACCEPTED'
                        ORDER BY id DESC LIMIT %d""".formatted(last))) {
            while (rs.next()) {
                accepted.put(rs.getObject(1, UUID.class), micros(rs, 2));
            }
        }
        Map<UUID, Long> handedToKafka = new HashMap<>();
        Map<String, UUID> byOffset = new HashMap<>();
        readAcceptedEvents(System.getProperty("kafka", "127.0.0.1:9092"), accepted.size() * 4L, (record, id) -> {
            if (accepted.containsKey(id)) {
                handedToKafka.put(id, record.timestamp() * 1000);
                byOffset.put(record.partition() + ":" + record.offset(), id);
            }
        });
        Map<UUID, Long> applied = new HashMap<>();
        Map<UUID, Long> proposed = new HashMap<>();
        try (Connection matching = DriverManager.getConnection(db + "alongside_matching" + suffix, "postgres", "")) {
            try (ResultSet rs = matching.createStatement().executeQuery("""
                    SELECT kafka_partition || ':' || kafka_offset, processed_at FROM inbox
                    WHERE topic = '%s' AND event_type = 'referral.accepted'
                    ORDER BY processed_at DESC LIMIT %d""".formatted(REFERRALS, last * 4))) {
                while (rs.next()) {
                    UUID id = byOffset.get(rs.getString(1));
                    if (id != null) {
                        applied.put(id, micros(rs, 2));
                    }
                }
            }
            String ids = String.join(",", accepted.keySet().stream().map(id -> "'" + id + "'").toList());
            try (ResultSet rs = matching.createStatement().executeQuery(
                    "SELECT referral_id, min(proposed_at) FROM proposal WHERE referral_id IN (" + ids + ")"
                            + " GROUP BY referral_id")) {
                while (rs.next()) {
                    proposed.put(rs.getObject(1, UUID.class), micros(rs, 2));
                }
            }
        }
        System.out.printf(Locale.ROOT, "the last %d referrals accepted (ms; Kafka's timestamps are whole ms):%n",
                accepted.size());
        print("accepted -> handed to Kafka (commit, relay)", accepted, handedToKafka);
        print("handed to Kafka -> matching applies it (broker, consumer)", handedToKafka, applied);
        print("matching applies it -> first proposal (matching's work)", applied, proposed);
        print("accepted -> first proposal", accepted, proposed);
    }

    interface Sink {
        void accept(ConsumerRecord<String, String> record, UUID referralId);
    }

    /** The referral topic's last records, enough to hold the accepts asked for; the key is the referral's id. */
    static void readAcceptedEvents(String bootstrap, long perPartition, Sink sink) {
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrap);
        config.put("key.deserializer", StringDeserializer.class.getName());
        config.put("value.deserializer", StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(REFERRALS).forEach(p -> partitions.add(new TopicPartition(REFERRALS, p.partition())));
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            partitions.forEach(p -> consumer.seek(p, Math.max(0, end.get(p) - perPartition)));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Matcher type = TYPE.matcher(record.value());
                    if (type.find() && type.group(1).equals("referral.accepted") && record.key() != null) {
                        sink.accept(record, UUID.fromString(record.key()));
                    }
                }
            }
        }
    }

    static long micros(ResultSet rs, int column) throws SQLException {
        Instant at = rs.getObject(column, OffsetDateTime.class).toInstant();
        return at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
    }

    static void print(String stage, Map<UUID, Long> from, Map<UUID, Long> to) {
        long[] gaps = from.entrySet().stream().filter(e -> to.containsKey(e.getKey()))
                .mapToLong(e -> to.get(e.getKey()) - e.getValue()).sorted().toArray();
        if (gaps.length == 0) {
            System.out.printf("  %-58s no referral has both%n", stage);
            return;
        }
        System.out.printf(Locale.ROOT, "  %-58s n=%d  p50 %.1f  p90 %.1f  p99 %.1f%n", stage, gaps.length,
                at(gaps, 50), at(gaps, 90), at(gaps, 99));
    }

    static double at(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1000.0;
    }
}
