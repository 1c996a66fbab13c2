package org.alongside.session.match;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.inbox.EventHandler;
import org.alongside.platform.inbox.ReferralSubject;

/** Triage accepted the referral: the person may now be supported, in a group even before a peer is matched. */
@ApplicationScoped
public class ReferralAcceptedHandler implements EventHandler {

    private final Matches matches;
    private final ObjectMapper mapper;

    ReferralAcceptedHandler(Matches matches, ObjectMapper mapper) {
        this.matches = matches;
        this.mapper = mapper;
    }

    @Override
    public String eventType() {
        return EventTypes.REFERRAL_ACCEPTED;
    }

    @Override
    public void handle(EventEnvelope event) {
        InboundEvents.ReferralAccepted accepted = InboundEvents.read(mapper, event,
                InboundEvents.ReferralAccepted.class);
        matches.referralAccepted(ReferralSubject.of(event),
                InboundEvents.time(event, accepted.acceptedAt(), "acceptedAt"));
    }
}
