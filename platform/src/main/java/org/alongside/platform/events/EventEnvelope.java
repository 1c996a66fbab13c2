package org.alongside.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CloudEvents 1.0 structured-mode event, as carried in the value of every Alongside Kafka record.
 * {@code subject} is the referral id (also the record key) so every fact about one person's journey
 * lands on one partition, in order. {@code data} never holds identity: ids, codes and categories only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(
        String specversion,
        String id,
        String type,
        String source,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        String dataschema,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
    /**
     * The CloudEvents Kafka protocol binding, structured content mode: every record carries this in its
     * {@value #KAFKA_CONTENT_TYPE_HEADER} header, so the official SDKs read its value as a whole CloudEvent.
     */
    public static final String KAFKA_CONTENT_TYPE_HEADER = "content-type";
    public static final String KAFKA_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private static final Pattern SCHEMA_VERSION = Pattern.compile("/(\\d+)(?:\\.json)?$");

    /**
     * The version of the data's schema: the number that ends {@code dataschema}. Events from before schemas had
     * versions carry none and are version 1.
     */
    public int dataVersion() {
        Matcher version = dataschema == null ? null : SCHEMA_VERSION.matcher(dataschema);
        return version != null && version.find() ? Integer.parseInt(version.group(1)) : 1;
    }

    /** The problem with this envelope, or null when it is usable. */
    public String invalidReason() {
        if (!SPEC_VERSION.equals(specversion)) return "specversion must be 1.0";
        if (id == null || id.isBlank()) return "id is missing";
        if (type == null || type.isBlank()) return "type is missing";
        if (source == null || source.isBlank()) return "source is missing";
        if (subject == null || subject.isBlank()) return "subject is missing";
        if (data == null || !data.isObject()) return "data must be a JSON object";
        return null;
    }
}
