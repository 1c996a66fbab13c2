package org.alongside.platform.events.staff;

import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventTime;
import org.alongside.platform.events.EventType;
import org.alongside.platform.events.EventTypes;

/**
 * {@code supervision.recorded}: a supervision session was held with the peer at {@code heldAt}. Only that it was held:
 * never the supervisor, what it covered or how the peer is (those stay in session-service).
 */
@EventType(name = EventTypes.SUPERVISION_RECORDED, version = 1, subject = "peerId")
public record SupervisionRecorded(@NotNull UUID supervisionId, @NotNull UUID peerId, @EventTime OffsetDateTime heldAt)
        implements EventData {
}
