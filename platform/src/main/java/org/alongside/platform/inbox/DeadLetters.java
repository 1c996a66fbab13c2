package org.alongside.platform.inbox;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.alongside.platform.events.Topics;
import org.alongside.platform.kafka.KafkaSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;

/**
 * Moves a record this service cannot apply to its dead-letter topic, unchanged, with headers saying where it
 * came from and why it failed, so it can be inspected and replayed once the cause is fixed.
 */
@ApplicationScoped
public class DeadLetters {

    /** Every header a dead letter gets on top of the original record's own (its content-type among them). */
    public static final String HEADER_PREFIX = "alongside-dlt-";
    public static final String ERROR_HEADER = HEADER_PREFIX + "error";
    public static final String ORIGINAL_TOPIC_HEADER = HEADER_PREFIX + "original-topic";
    public static final String ORIGINAL_PARTITION_HEADER = HEADER_PREFIX + "original-partition";
    public static final String ORIGINAL_OFFSET_HEADER = HEADER_PREFIX + "original-offset";
    public static final String FAILED_AT_HEADER = HEADER_PREFIX + "failed-at";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final KafkaSettings settings;
    private volatile Producer<String, byte[]> producer;

    DeadLetters(KafkaSettings settings) {
        this.settings = settings;
    }

    /** True when the record is safely on the dead-letter topic; false when it must be retried later. */
    boolean send(ConsumerRecord<String, byte[]> record, String error) {
        String topic = Topics.deadLetter(settings.consumerGroup());
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(topic, record.key(), record.value());
        Headers headers = letter.headers();
        record.headers().forEach(headers::add);
        headers.add(ERROR_HEADER, utf8(error.length() > 2000 ? error.substring(0, 2000) : error));
        headers.add(ORIGINAL_TOPIC_HEADER, utf8(record.topic()));
        headers.add(ORIGINAL_PARTITION_HEADER, utf8(Integer.toString(record.partition())));
        headers.add(ORIGINAL_OFFSET_HEADER, utf8(Long.toString(record.offset())));
        headers.add(FAILED_AT_HEADER, utf8(Instant.now().toString()));
        try {
            producer().send(letter).get();
            LOG.warnf("Dead-lettered %s-%d@%d to %s: %s", record.topic(), record.partition(), record.offset(), topic,
                    error);
            return true;
        } catch (Exception e) {
            LOG.warnf("Could not dead-letter %s-%d@%d yet: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return false;
        }
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(settings.producer("dead-letters"));
                }
            }
        }
        return producer;
    }

    void stop(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
