package org.alongside.session.match;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.inbox.EventHandler;
import org.alongside.platform.inbox.ReferralSubject;

/** Support ended (goals met, moved away, ...): the referral's match ends with it; history stays readable. */
@ApplicationScoped
public class ReferralClosedHandler implements EventHandler {

    private final Matches matches;
    private final ObjectMapper mapper;

    ReferralClosedHandler(Matches matches, ObjectMapper mapper) {
        this.matches = matches;
        this.mapper = mapper;
    }

    @Override
    public String eventType() {
        return EventTypes.REFERRAL_CLOSED;
    }

    @Override
    public void handle(EventEnvelope event) {
        InboundEvents.ReferralClosed closed = InboundEvents.read(mapper, event, InboundEvents.ReferralClosed.class);
        matches.referralEnded(ReferralSubject.of(event), ReferralState.Ending.CLOSED,
                closed.reason(), InboundEvents.time(event, closed.closedAt(), "closedAt"));
    }
}
