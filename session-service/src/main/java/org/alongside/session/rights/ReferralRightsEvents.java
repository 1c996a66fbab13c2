package org.alongside.session.rights;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.inbox.PoisonEventException;

/** Reads referral.consent-withdrawn and referral.erased: the referral (the subject) and when it happened. */
final class ReferralRightsEvents {

    private ReferralRightsEvents() {
    }

    static UUID referral(EventEnvelope event) {
        try {
            UUID subject = UUID.fromString(event.subject());
            String inData = event.data().path("referralId").asText(null);
            if (inData != null && !inData.equals(subject.toString())) {
                throw new PoisonEventException(event.type() + " is about referral " + inData + " but its subject is "
                        + event.subject());
            }
            return subject;
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(event.type() + ": subject is not a referral id: " + event.subject());
        }
    }

    static OffsetDateTime time(EventEnvelope event, String field) {
        String value = event.data().path(field).asText(null);
        try {
            OffsetDateTime at = value != null ? OffsetDateTime.parse(value) : event.time();
            if (at == null) {
                throw new PoisonEventException(event.type() + " has neither " + field + " nor an event time");
            }
            return at;
        } catch (java.time.format.DateTimeParseException e) {
            throw new PoisonEventException(event.type() + ": " + field + " is not a time: " + value);
        }
    }
}
