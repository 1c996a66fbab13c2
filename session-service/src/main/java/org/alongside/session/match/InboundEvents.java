package org.alongside.session.match;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.inbox.PoisonEventException;

/**
 * Reads the events of other services this package applies. What the effect cannot do without is required; an
 * event missing it is dead-lettered rather than guessed at.
 */
final class InboundEvents {

    private InboundEvents() {
    }

    /** The fields of match.accepted this service uses. */
    record MatchAccepted(UUID referralId, UUID proposalId, UUID peerId, OffsetDateTime acceptedAt) {
    }

    /** match.ended: matching-service ended a match (the peer left, or the pairing did not work out). */
    record MatchEnded(UUID referralId, UUID peerId, String reason, OffsetDateTime endedAt) {
    }

    record ReferralAccepted(UUID referralId, OffsetDateTime acceptedAt) {
    }

    record ReferralClosed(UUID referralId, String reason, OffsetDateTime closedAt) {
    }

    record ReferralWithdrawn(UUID referralId, String reason, OffsetDateTime withdrawnAt) {
    }

    static <T> T read(ObjectMapper mapper, EventEnvelope event, Class<T> type) {
        try {
            return mapper.treeToValue(event.data(), type);
        } catch (Exception e) {
            throw new PoisonEventException(event.type() + " data is unreadable: " + e.getMessage(), e);
        }
    }

    /** When it happened: the data's own time, else the envelope's. */
    static OffsetDateTime time(EventEnvelope event, OffsetDateTime inData, String field) {
        OffsetDateTime at = inData != null ? inData : event.time();
        if (at == null) {
            throw new PoisonEventException(event.type() + " has neither " + field + " nor an event time");
        }
        return at;
    }

    static <T> T required(EventEnvelope event, T value, String field) {
        if (value == null) {
            throw new PoisonEventException(event.type() + " needs " + field);
        }
        return value;
    }
}
