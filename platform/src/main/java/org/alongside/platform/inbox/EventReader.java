package org.alongside.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventSpec;

/**
 * Reads an event's data against the contract, the same way in every consumer: the data as its record, validated,
 * the referral it is about and when it happened. Anything that breaks the contract is a poison event naming what is
 * wrong, never a guess.
 */
@ApplicationScoped
public class EventReader {

    private final ObjectMapper mapper;
    private final Validator validator;

    EventReader(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public <T extends EventData> Received<T> read(EventEnvelope event, Class<T> dataType) {
        return read(event, EventSpec.of(dataType));
    }

    <T extends EventData> Received<T> read(EventEnvelope event, EventSpec<T> spec) {
        UUID referralId = spec.aboutReferral() ? referralId(event) : null;
        T data = data(event, spec.dataType());
        String named = spec.subject(data);
        if (named != null && !named.equalsIgnoreCase(event.subject())) {
            throw new PoisonEventException(event.type() + ": data." + spec.subjectField() + " " + named
                    + " contradicts subject " + event.subject());
        }
        return new Received<>(event.id(), event.type(), event.source(), referralId, time(event, spec, data), data);
    }

    /** The subject of an event about a referral, which must be a referral id. */
    private static UUID referralId(EventEnvelope event) {
        try {
            return UUID.fromString(event.subject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException(event.type() + ": subject is not a referral id: " + event.subject());
        }
    }

    private <T> T data(EventEnvelope event, Class<T> dataType) {
        T data;
        try {
            data = mapper.treeToValue(event.data(), dataType);
        } catch (JsonMappingException e) {
            throw new PoisonEventException(event.type() + ": " + path(e) + ": " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonEventException(event.type() + ": unreadable data: " + e.getMessage(), e);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new PoisonEventException(event.type() + ": " + violations.stream()
                    .map(v -> "data." + v.getPropertyPath() + " " + v.getMessage())
                    .sorted(Comparator.naturalOrder())
                    .collect(Collectors.joining("; ")));
        }
        return data;
    }

    /** When it happened: the data's own time, else the envelope's. */
    private static <T extends EventData> OffsetDateTime time(EventEnvelope event, EventSpec<T> spec, T data) {
        OffsetDateTime own = spec.time(data);
        if (own != null) {
            return own;
        }
        if (event.time() == null) {
            throw new PoisonEventException(event.type() + " has neither "
                    + (spec.timeField() == null ? "" : "data." + spec.timeField() + " nor ") + "an event time");
        }
        return event.time();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder("data");
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
