package org.alongside.matching.proposals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.inbox.PoisonEventException;

/** Reading referral-service's events: the referral they are about, and the fields every one of them carries. */
final class ReferralEvents {

    private ReferralEvents() {
    }

    /** The subject, which must be a referral id, and agree with data.referralId when that is given. */
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

    /** A coded reason: required. */
    static String reason(EventEnvelope event) {
        JsonNode reason = event.data().path("reason");
        if (!reason.isTextual() || reason.asText().isBlank()) {
            throw new PoisonEventException(event.type() + " must carry a coded reason");
        }
        return reason.asText().strip();
    }

    /** When it happened: the data's own time field, else the event's time. */
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
