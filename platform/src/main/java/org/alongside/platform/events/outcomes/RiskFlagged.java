package org.alongside.platform.events.outcomes;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventTime;
import org.alongside.platform.events.EventType;
import org.alongside.platform.events.EventTypes;

/**
 * {@code risk.flagged}: an answer is a risk signal a person must see (PHQ-9 item 9 above 0). Which item of which
 * measurement, never the answer.
 */
@EventType(name = EventTypes.RISK_FLAGGED, version = 1)
public record RiskFlagged(UUID referralId, @NotNull UUID measurementId, @NotBlank String instrument, int item,
        @EventTime OffsetDateTime raisedAt) implements EventData {
}
