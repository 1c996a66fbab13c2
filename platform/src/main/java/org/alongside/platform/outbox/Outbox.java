package org.alongside.platform.outbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.alongside.platform.contract.EventsConfig;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventSpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes an event by writing it to the service's {@code outbox} table inside the caller's transaction:
 * the event exists if and only if the state change committed. {@link OutboxRelay} ships it to Kafka,
 * woken the moment the transaction commits.
 * <p>
 * Optional fields are absent, never {@code null}: the data is written without its null components, whatever the
 * record's own Jackson annotations, so an event says nothing rather than {@code null} (its schema admits no null).
 */
@ApplicationScoped
public class Outbox {

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final OutboxRelay relay;
    private final ObjectMapper dataMapper;
    private final String source;
    private final String baseUrl;
    private final Set<String> produces;

    Outbox(AgroalDataSource dataSource, ObjectMapper mapper, OutboxRelay relay, EventsConfig events,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.dataMapper = mapper.copy().setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
        this.relay = relay;
        this.source = "/alongside/" + applicationName;
        this.baseUrl = events.baseUrl();
        this.produces = events.produces();
    }

    /**
     * Records the event whose data this is, about what the data names as its subject (usually its referral; the type
     * comes from the record).
     * Returns the envelope as it will be published.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(EventData data) {
        EventSpec<?> spec = EventSpec.of(data.getClass());
        String subject = Objects.requireNonNull(subjectOf(spec, data),
                () -> spec.type() + " must name its " + spec.subjectField());
        String type = spec.type();
        String topic = spec.topic();
        if (!produces.contains(topic)) {
            throw new IllegalStateException(type + " is published on " + topic + ", which this service does not "
                    + "declare in alongside.events.produces " + produces);
        }
        JsonNode json = dataMapper.valueToTree(data);
        EventEnvelope event = new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), type, source,
                subject, OffsetDateTime.now(ZoneOffset.UTC), EventEnvelope.CONTENT_TYPE, spec.dataschema(baseUrl),
                json);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO outbox (id, topic, message_key, event_type, payload) VALUES (?, ?, ?, ?, ?::jsonb)")) {
            insert.setObject(1, UUID.fromString(event.id()));
            insert.setString(2, topic);
            insert.setString(3, event.subject());
            insert.setString(4, type);
            insert.setString(5, mapper.writeValueAsString(event));
            insert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not write event " + type + " to the outbox", e);
        }
        relay.wakeUpAfterCommit();
        return event;
    }

    private static <T extends EventData> String subjectOf(EventSpec<T> spec, EventData data) {
        return spec.subject(spec.dataType().cast(data));
    }
}
