package org.alongside.outcomes.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.inbox.PoisonEventException;
import org.alongside.platform.inbox.ReferralSubject;

/** Reads an event's data against the contract; anything that breaks it is a poison event, never a guess. */
@ApplicationScoped
public class EventData {

    private final ObjectMapper mapper;
    private final Validator validator;

    EventData(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /** The referral the event is about: its subject, which the data's {@code referralId}, when present, must repeat. */
    public UUID referralId(EventEnvelope event) {
        return ReferralSubject.of(event);
    }

    public <T> T read(EventEnvelope event, Class<T> type) {
        T data;
        try {
            data = mapper.treeToValue(event.data(), type);
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
