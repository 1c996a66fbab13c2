package org.alongside.platform.events.sessions;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventTime;
import org.alongside.platform.events.EventType;
import org.alongside.platform.events.EventTypes;

/**
 * {@code safeguarding.raised} version 2: a peer or coordinator raised a concern. Against version 1 it names the
 * supervisor responsible for it (their token subject; absent when the peer has none, and then the duty coordinator
 * is), so referral-service can let that supervisor see who is at risk while the concern is open, and
 * {@code immediateRisk} is always present. Ids, the category and the urgency only: what happened stays in
 * session-service.
 */
@EventType(name = EventTypes.SAFEGUARDING_RAISED, version = 2)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SafeguardingRaisedV2(@NotNull UUID concernId, UUID referralId, UUID peerId, UUID sessionId,
        @NotNull SafeguardingRaised.Category category, boolean immediateRisk, String supervisor,
        @EventTime OffsetDateTime raisedAt) implements EventData {
}
