package org.alongside.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what a service really published to a topic, for assertions on events. */
public final class EventProbe implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public EventProbe(String bootstrapServers, String... topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        consumer.subscribe(List.of(topics));
    }

    /** Waits until a record matching {@code filter} arrives and returns its value as JSON. */
    public JsonNode await(Predicate<ConsumerRecord<String, JsonNode>> filter, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                seen.add(record);
            }
            for (ConsumerRecord<String, byte[]> record : seen) {
                ConsumerRecord<String, JsonNode> json = asJson(record);
                if (filter.test(json)) {
                    return json.value();
                }
            }
        }
        throw new AssertionError("No matching event within " + timeout + "; saw " + seen.size() + " records");
    }

    /** Every record of the given type about one referral, waiting {@code quiet} for stragglers. */
    public List<ConsumerRecord<String, JsonNode>> all(Duration quiet) {
        Instant deadline = Instant.now().plus(quiet);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                seen.add(record);
            }
        }
        return seen.stream().map(EventProbe::asJson).toList();
    }

    /**
     * Every record seen so far and arriving within {@code quiet}, each as the official CloudEvents SDK's Kafka
     * deserializer reads it, as an integrator's consumer would: by the protocol binding's headers (structured mode
     * when content-type says application/cloudevents+json), nothing of Alongside's own.
     */
    public List<SdkRead> readWithSdk(Duration quiet) {
        all(quiet);
        List<SdkRead> reads = new ArrayList<>();
        try (CloudEventDeserializer sdk = new CloudEventDeserializer()) {
            sdk.configure(Map.of(), false);
            for (ConsumerRecord<String, byte[]> record : seen) {
                try {
                    reads.add(new SdkRead(record, sdk.deserialize(record.topic(), record.headers(), record.value()),
                            null));
                } catch (RuntimeException e) {
                    reads.add(new SdkRead(record, null, e.toString()));
                }
            }
        }
        return reads;
    }

    /** One record as the CloudEvents SDK read it: the event, or why it could not. */
    public record SdkRead(ConsumerRecord<String, byte[]> record, CloudEvent event, String failure) {

        public String where() {
            return record.topic() + "-" + record.partition() + "@" + record.offset();
        }
    }

    public static Predicate<ConsumerRecord<String, JsonNode>> ofType(String type, Object subject) {
        return r -> r.value() != null && type.equals(r.value().path("type").asText())
                && subject.toString().equals(r.value().path("subject").asText());
    }

    private static ConsumerRecord<String, JsonNode> asJson(ConsumerRecord<String, byte[]> record) {
        JsonNode value;
        try {
            value = MAPPER.readTree(record.value());
        } catch (Exception e) {
            value = null;
        }
        return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.timestampType(), record.serializedKeySize(), record.serializedValueSize(), record.key(), value,
                record.headers(), Optional.empty());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
