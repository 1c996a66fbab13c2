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
 * {@code safeguarding.raised}: a peer or coordinator raised a concern, in a session or between sessions. Ids, the
 * category and the urgency only: what happened stays in session-service. {@code sessionId} is left out for a
 * concern raised outside a session, {@code peerId} when the person has no peer.
 */
@EventType(name = EventTypes.SAFEGUARDING_RAISED, version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SafeguardingRaised(@NotNull UUID concernId, UUID referralId, UUID peerId, UUID sessionId,
        @NotNull Category category, Boolean immediateRisk, @EventTime OffsetDateTime raisedAt) implements EventData {

    /** The kind of concern, after the Care Act 2014 categories. */
    public enum Category {
        SELF_NEGLECT, ABUSE_OR_NEGLECT, DOMESTIC_ABUSE, SELF_HARM_OR_SUICIDE_RISK, FINANCIAL_ABUSE, OTHER
    }
}
