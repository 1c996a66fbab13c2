package org.alongside.platform.inbox;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.alongside.platform.events.EventEnvelope;

/**
 * Reading the referral an event is about, and when it happened, the same way in every consumer: an event that
 * cannot say either is poison (dead-lettered at once), never retried.
 */
public final class ReferralSubject {

    private ReferralSubject() {
    }

    /** The event's subject, which must be a referral id, and agree with {@code data.referralId} when that is given. */
    public static UUID of(EventEnvelope event) {
        UUID subject;
        try {
            subject = UUID.fromString(event.subject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException(event.type() + ": subject is not a referral id: " + event.subject());
        }
        String inData = event.data() == null ? null : event.data().path("referralId").asText(null);
        if (inData != null && !inData.equalsIgnoreCase(subject.toString())) {
            throw new PoisonEventException(event.type() + ": data.referralId " + inData + " contradicts subject "
                    + subject);
        }
        return subject;
    }

    /** When it happened: the data's own {@code field}, else the envelope's time. */
    public static OffsetDateTime time(EventEnvelope event, String field) {
        String text = event.data() == null ? null : event.data().path(field).asText(null);
        try {
            OffsetDateTime at = text != null ? OffsetDateTime.parse(text) : event.time();
            if (at == null) {
                throw new PoisonEventException(event.type() + " has neither " + field + " nor an event time");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(event.type() + " has an unreadable " + field + ": " + text, e);
        }
    }
}
