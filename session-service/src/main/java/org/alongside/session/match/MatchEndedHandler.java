package org.alongside.session.match;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.inbox.EventHandler;
import org.alongside.platform.inbox.ReferralSubject;

/** Matching-service ended a match: the peer no longer records sessions for the referral; history stays. */
@ApplicationScoped
public class MatchEndedHandler implements EventHandler {

    private final Matches matches;
    private final ObjectMapper mapper;

    MatchEndedHandler(Matches matches, ObjectMapper mapper) {
        this.matches = matches;
        this.mapper = mapper;
    }

    @Override
    public String eventType() {
        return EventTypes.MATCH_ENDED;
    }

    @Override
    public void handle(EventEnvelope event) {
        InboundEvents.MatchEnded ended = InboundEvents.read(mapper, event, InboundEvents.MatchEnded.class);
        String reason = ended.reason() == null || ended.reason().isBlank() ? "MATCH_ENDED" : ended.reason().strip();
        matches.ended(ReferralSubject.of(event),
                InboundEvents.required(event, ended.peerId(), "peerId"),
                reason.length() > 100 ? reason.substring(0, 100) : reason,
                InboundEvents.time(event, ended.endedAt(), "endedAt"));
    }
}
