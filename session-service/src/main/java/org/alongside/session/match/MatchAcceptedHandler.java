package org.alongside.session.match;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.inbox.EventHandler;
import org.alongside.platform.inbox.PoisonEventException;

/** The person chose a peer in matching-service: from now on that peer may record sessions for the referral. */
@ApplicationScoped
public class MatchAcceptedHandler implements EventHandler {

    /** The fields of match.accepted this service uses. */
    record MatchAccepted(UUID referralId, UUID proposalId, UUID peerId, OffsetDateTime acceptedAt) {
    }

    private final Matches matches;
    private final ObjectMapper mapper;

    MatchAcceptedHandler(Matches matches, ObjectMapper mapper) {
        this.matches = matches;
        this.mapper = mapper;
    }

    @Override
    public String eventType() {
        return EventTypes.MATCH_ACCEPTED;
    }

    @Override
    public void handle(EventEnvelope event) {
        MatchAccepted accepted;
        try {
            accepted = mapper.treeToValue(event.data(), MatchAccepted.class);
        } catch (Exception e) {
            throw new PoisonEventException("match.accepted data is unreadable: " + e.getMessage(), e);
        }
        if (accepted.referralId() == null || accepted.peerId() == null || accepted.proposalId() == null) {
            throw new PoisonEventException("match.accepted needs referralId, peerId and proposalId");
        }
        if (!accepted.referralId().toString().equals(event.subject())) {
            throw new PoisonEventException("match.accepted is about referral " + accepted.referralId()
                    + " but its subject is " + event.subject());
        }
        OffsetDateTime acceptedAt = accepted.acceptedAt() != null ? accepted.acceptedAt() : event.time();
        if (acceptedAt == null) {
            throw new PoisonEventException("match.accepted has neither acceptedAt nor an event time");
        }
        matches.accepted(accepted.referralId(), accepted.peerId(), accepted.proposalId(), acceptedAt);
    }
}
