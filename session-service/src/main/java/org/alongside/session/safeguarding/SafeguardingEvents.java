package org.alongside.session.safeguarding;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/** safeguarding.raised carries ids, the category and the urgency only: never what happened. */
public final class SafeguardingEvents {

    private SafeguardingEvents() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Raised(UUID concernId, UUID referralId, UUID peerId, UUID sessionId, Concern.Category category,
            boolean immediateRisk, OffsetDateTime raisedAt) {

        static Raised of(Concern c) {
            return new Raised(c.id, c.referralId, c.peerId, c.sessionId, c.category, c.immediateRisk, c.raisedAt);
        }
    }
}
