package org.alongside.outcomes.measures;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.inbox.EventHandler;
import org.alongside.platform.inbox.PoisonEventException;

/** The person chose a peer: from now on that peer worker may record and read the person's outcomes. */
@ApplicationScoped
public class PeerAssignmentHandler implements EventHandler {

    private final PeerAssignments assignments;

    PeerAssignmentHandler(PeerAssignments assignments) {
        this.assignments = assignments;
    }

    @Override
    public String eventType() {
        return EventTypes.MATCH_ACCEPTED;
    }

    @Override
    public void handle(EventEnvelope event) throws Exception {
        assignments.accepted(uuid(event, "subject", event.subject()), uuid(event, "data.peerId", text(event, "peerId")),
                time(event, "acceptedAt"), event.id());
    }

    private static String text(EventEnvelope event, String field) {
        JsonNode value = event.data().path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static UUID uuid(EventEnvelope event, String field, String value) {
        try {
            return UUID.fromString(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(event.type() + ": " + field + " is not a UUID: " + value);
        }
    }

    private static OffsetDateTime time(EventEnvelope event, String field) {
        String value = text(event, field);
        try {
            return OffsetDateTime.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(event.type() + ": data." + field + " is not a date-time: " + value);
        }
    }
}
