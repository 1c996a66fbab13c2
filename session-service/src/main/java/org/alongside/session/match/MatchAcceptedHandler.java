package org.alongside.session.match;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.inbox.EventHandler;
import org.alongside.platform.inbox.PoisonEventException;
import org.alongside.platform.inbox.ReferralSubject;

/** The person chose a peer in matching-service: from now on that peer may record sessions for the referral. */
@ApplicationScoped
public class MatchAcceptedHandler implements EventHandler {

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
        InboundEvents.MatchAccepted accepted = InboundEvents.read(mapper, event, InboundEvents.MatchAccepted.class);
        if (accepted.referralId() == null || accepted.peerId() == null || accepted.proposalId() == null) {
            throw new PoisonEventException("match.accepted needs referralId, peerId and proposalId");
        }
        UUID referralId = ReferralSubject.of(event);
        matches.accepted(referralId, accepted.peerId(), accepted.proposalId(),
                InboundEvents.time(event, accepted.acceptedAt(), "acceptedAt"));
    }
}
