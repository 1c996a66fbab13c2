package org.alongside.matching.rights;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.inbox.PoisonEventException;

/** Reads referral.consent-withdrawn and referral.erased: the referral (the subject) and when it happened. */
final class RightsEvents {

    private RightsEvents() {
    }

    static UUID referralId(EventEnvelope event) {
        UUID referralId;
        try {
            referralId = UUID.fromString(event.subject());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("subject is not a referral id: " + event.subject());
        }
        String inData = event.data().path("referralId").asText(null);
        if (inData != null && !inData.equals(referralId.toString())) {
            throw new PoisonEventException("data.referralId " + inData + " is not the subject " + referralId);
        }
        return referralId;
    }

    static OffsetDateTime time(EventEnvelope event, String field) {
        String text = event.data().path(field).asText(null);
        if (text == null) {
            return event.time();
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(event.type() + " has an unreadable " + field + ": " + text, e);
        }
    }
}
