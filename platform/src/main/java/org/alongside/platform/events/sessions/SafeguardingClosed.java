package org.alongside.platform.events.sessions;

import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventTime;
import org.alongside.platform.events.EventType;
import org.alongside.platform.events.EventTypes;

/**
 * {@code safeguarding.closed}: the concern was closed with the action taken (which stays in session-service); the
 * responsible supervisor's access to the person's identity for it ends.
 */
@EventType(name = EventTypes.SAFEGUARDING_CLOSED, version = 1)
public record SafeguardingClosed(@NotNull UUID concernId, UUID referralId, @EventTime OffsetDateTime closedAt)
        implements EventData {
}
