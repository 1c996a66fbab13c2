package org.alongside.platform.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.alongside.platform.events.EventCatalog;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventSpec;
import org.alongside.platform.events.Topics;

/**
 * A service's AsyncAPI 3.0 document, generated from the same records as the schemas: a channel per topic it
 * publishes or reads, a message per event type and version (the CloudEvents envelope with that version's data
 * schema, the content-type header, the Kafka key), a {@code send} operation per topic it publishes (every type and
 * version of it) and a {@code receive} operation per topic it reads (the types and versions its handlers read).
 */
public final class AsyncApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KAFKA_BINDING = "0.5.0";
    private static final String ENVELOPE = "CloudEventEnvelope";

    private AsyncApi() {
    }

    /**
     * The document of {@code service}, reached at {@code baseUrl}, that publishes {@code produces} and reads the
     * event types and versions {@code consumes}.
     */
    public static ObjectNode document(String service, String baseUrl, Collection<String> produces,
            Collection<EventSpec<?>> consumes) {
        ObjectNode document = JSON.createObjectNode();
        document.put("asyncapi", "3.0.0");
        ObjectNode info = document.putObject("info");
        info.put("title", "Alongside " + service + " events");
        info.put("version", "1");
        info.put("description", "The events " + service + " publishes and reads on Kafka: CloudEvents 1.0 in "
                + "structured mode (record header content-type: " + EventEnvelope.KAFKA_CONTENT_TYPE + "), keyed by "
                + "what they are about. Each message's data schema is also served at its dataschema URL. Optional "
                + "fields are absent, never null; consumers ignore fields they do not know. docs/events.md says what "
                + "each event means.");
        document.put("defaultContentType", "application/cloudevents+json");
        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        ObjectNode components = document.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode messages = components.putObject("messages");
        schemas.set(ENVELOPE, EventSchemas.base());

        for (String topic : Topics.ALL) {
            List<EventSpec<?>> sent = produces.contains(topic) ? EventCatalog.onTopic(topic) : List.of();
            List<EventSpec<?>> received = EventCatalog.onTopic(topic).stream().filter(consumes::contains).toList();
            if (sent.isEmpty() && received.isEmpty()) {
                continue;
            }
            Set<EventSpec<?>> all = new LinkedHashSet<>(sent);
            all.addAll(received);
            ObjectNode channel = channels.putObject(topic);
            channel.put("address", topic);
            channel.put("title", topic);
            channel.put("description", "Every event about one " + (topic.equals(Topics.STAFF) ? "peer" : "referral")
                    + " is on one partition, in order (the record key).");
            ObjectNode channelMessages = channel.putObject("messages");
            for (EventSpec<?> spec : all) {
                String id = messageId(spec);
                channelMessages.putObject(id).put("$ref", "#/components/messages/" + id);
                if (!messages.has(id)) {
                    messages.set(id, message(spec, baseUrl));
                    ObjectNode data = EventSchemas.data(spec, baseUrl);
                    data.remove("$schema");
                    data.remove("$id");
                    data.putObject("externalDocs").put("url", spec.dataschema(baseUrl));
                    schemas.set(id, data);
                }
            }
            channel.putObject("bindings").putObject("kafka").put("topic", topic).put("bindingVersion", KAFKA_BINDING);
            String stream = stream(topic);
            if (!sent.isEmpty()) {
                operation(operations.putObject("send" + stream), "send", topic, sent,
                        service + " publishes these through its transactional outbox");
            }
            if (!received.isEmpty()) {
                ObjectNode receive = operation(operations.putObject("receive" + stream), "receive", topic, received,
                        service + " reads these (consumer group " + service + "); it reads every version listed "
                                + "while producers move to a new one");
                receive.putObject("bindings").putObject("kafka").put("bindingVersion", KAFKA_BINDING)
                        .putObject("groupId").put("type", "string").putArray("enum").add(service);
            }
        }
        return document;
    }

    private static ObjectNode operation(ObjectNode operation, String action, String topic,
            Collection<EventSpec<?>> specs, String description) {
        operation.put("action", action);
        operation.putObject("channel").put("$ref", "#/channels/" + escape(topic));
        operation.put("description", description);
        ArrayNode refs = operation.putArray("messages");
        for (EventSpec<?> spec : specs) {
            refs.addObject().put("$ref", "#/channels/" + escape(topic) + "/messages/" + messageId(spec));
        }
        return operation;
    }

    private static ObjectNode message(EventSpec<?> spec, String baseUrl) {
        String id = messageId(spec);
        ObjectNode message = JSON.createObjectNode();
        message.put("name", spec.type());
        message.put("title", spec.type() + " version " + spec.version());
        message.put("summary", spec.type() + " (data schema version " + spec.version() + ") on " + spec.topic()
                + ", keyed by " + key(spec));
        message.put("contentType", "application/cloudevents+json");
        ObjectNode headers = message.putObject("headers");
        headers.put("type", "object");
        headers.putObject("properties").putObject(EventEnvelope.KAFKA_CONTENT_TYPE_HEADER).put("type", "string")
                .put("const", EventEnvelope.KAFKA_CONTENT_TYPE);
        headers.putArray("required").add(EventEnvelope.KAFKA_CONTENT_TYPE_HEADER);
        ObjectNode payload = message.putObject("payload");
        ArrayNode allOf = payload.putArray("allOf");
        allOf.addObject().put("$ref", "#/components/schemas/" + ENVELOPE);
        ObjectNode specific = allOf.addObject();
        ObjectNode properties = specific.putObject("properties");
        properties.putObject("type").put("const", spec.type());
        properties.putObject("dataschema").put("const", spec.dataschema(baseUrl));
        properties.putObject("data").put("$ref", "#/components/schemas/" + id);
        ObjectNode kafka = message.putObject("bindings").putObject("kafka");
        kafka.putObject("key").put("type", "string").put("format", "uuid").put("description", key(spec)
                + ", the same as the envelope's subject");
        kafka.put("bindingVersion", KAFKA_BINDING);
        return message;
    }

    /** A component key: letters, digits, dots, dashes and underscores only. */
    static String messageId(EventSpec<?> spec) {
        return spec.type() + ".v" + spec.version();
    }

    private static String key(EventSpec<?> spec) {
        return "the " + spec.subjectField().replaceAll("Id$", "") + " id";
    }

    /** alongside.referrals.v1 -> Referrals */
    private static String stream(String topic) {
        String name = topic.split("\\.")[1];
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** A topic as one JSON pointer segment (it has no / or ~ to escape, but say so once). */
    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
