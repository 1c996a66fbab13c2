package org.alongside.matching.proposals;

import com.fasterxml.jackson.databind.JsonNode;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.inbox.PoisonEventException;

/** The coded reason referral-service's ending events carry (the referral and the time: ReferralSubject). */
final class ReferralEvents {

    private ReferralEvents() {
    }

    /** A coded reason: required. */
    static String reason(EventEnvelope event) {
        JsonNode reason = event.data().path("reason");
        if (!reason.isTextual() || reason.asText().isBlank()) {
            throw new PoisonEventException(event.type() + " must carry a coded reason");
        }
        return reason.asText().strip();
    }
}
