package org.alongside.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Puts a service's dead letters back on their original topics once the cause is fixed. Each letter is replayed
 * once (the replay's own consumer group remembers how far it got); letters that fail again come back to the
 * dead-letter topic with the new error. Run through {@code deploy/local/replay-dead-letters SERVICE}.
 */
public final class DeadLetterReplay {

    private DeadLetterReplay() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: DeadLetterReplay SERVICE [BOOTSTRAP_SERVERS]");
            System.exit(2);
        }
        String service = args[0];
        String bootstrap = args.length > 1 ? args[1] : "127.0.0.1:9092";
        System.out.println("replayed " + replay(service, bootstrap) + " dead letter(s) of " + service);
    }

    /** Replays every letter not yet replayed and returns how many it sent. */
    public static int replay(String service, String bootstrap) {
        String deadLetterTopic = Topics.deadLetter(service);
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, service + "-dead-letter-replay",
                ConsumerConfig.CLIENT_ID_CONFIG, "dead-letter-replay-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        int replayed = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig);
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig)) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            // replay what is there now, not letters that arrive while replaying (they may be these failing again)
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> letter : consumer.poll(Duration.ofSeconds(1))) {
                    if (letter.offset() >= end.get(new TopicPartition(letter.topic(), letter.partition()))) {
                        continue;
                    }
                    Header original = letter.headers().lastHeader(DeadLetters.ORIGINAL_TOPIC_HEADER);
                    if (original == null) {
                        continue;
                    }
                    String topic = new String(original.value(), StandardCharsets.UTF_8);
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, letter.key(), letter.value());
                    // back as it came (its content-type header included), without the dead letter's own headers
                    for (Header header : letter.headers()) {
                        if (!header.key().startsWith(DeadLetters.HEADER_PREFIX)) {
                            record.headers().add(header);
                        }
                    }
                    producer.send(record).get();
                    consumer.commitSync(Map.of(new TopicPartition(letter.topic(), letter.partition()),
                            new OffsetAndMetadata(letter.offset() + 1)));
                    replayed++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("Dead-letter replay for " + service + " failed: " + e.getMessage(), e);
        }
        return replayed;
    }
}
