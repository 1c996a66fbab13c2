package org.alongside.platform.events.staff;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventTime;
import org.alongside.platform.events.EventType;
import org.alongside.platform.events.EventTypes;

/**
 * {@code supervisor.assigned}: the peer's supervisor is now {@code supervisor} (a token subject, the one identity of
 * a supervisor in every service), or nobody when it is absent. The latest event for a peer wins.
 */
@EventType(name = EventTypes.SUPERVISOR_ASSIGNED, version = 1, subject = "peerId")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SupervisorAssigned(@NotNull UUID peerId, String supervisor, @EventTime OffsetDateTime assignedAt)
        implements EventData {
}
