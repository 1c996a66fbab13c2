package org.alongside.platform.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events as another service would, so a service's consumers can be tested on their own. */
public final class TestEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private TestEvents() {
    }

    /** Publishes {@code type} about {@code referralId} with {@code data}; returns the envelope sent. */
    public static EventEnvelope publish(String type, UUID referralId, Object data) {
        EventEnvelope event = envelope(type, referralId, data);
        send(event);
        return event;
    }

    /** The envelope {@link #publish} would send, unsent. */
    public static EventEnvelope envelope(String type, UUID referralId, Object data) {
        return new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), type,
                "/alongside/test", referralId.toString(), OffsetDateTime.now(ZoneOffset.UTC),
                EventEnvelope.CONTENT_TYPE, null, MAPPER.valueToTree(data));
    }

    /** Sends an envelope as it is (again, for redelivery tests). */
    public static void send(EventEnvelope event) {
        try {
            sendRaw(Topics.forType(event.type()), event.subject(), MAPPER.writeValueAsBytes(event));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends records in one Kafka transaction: a consumer reading committed records sees them all at once, so, on
     * one topic under one key (one partition), in one poll. For tests of how a poll's records are applied together.
     */
    public static void sendTogether(List<ProducerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-events-" + UUID.randomUUID(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.initTransactions();
            producer.beginTransaction();
            records.forEach(producer::send);
            producer.commitTransaction();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish test events together", e);
        }
    }

    /** The record of an envelope on its type's topic, under {@code key} instead of its subject. */
    public static ProducerRecord<String, byte[]> record(EventEnvelope event, String key) {
        try {
            return new ProducerRecord<>(Topics.forType(event.type()), key, MAPPER.writeValueAsBytes(event));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends arbitrary bytes: for poison-message tests. */
    public static void sendRaw(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish test event to " + topic, e);
        }
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
