package org.alongside.matching.proposals;

import jakarta.enterprise.context.ApplicationScoped;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.inbox.EventHandler;
import org.alongside.platform.inbox.ReferralSubject;

/** The person's support ended in referral-service: a match ends, a referral not yet matched stops waiting. */
@ApplicationScoped
public class ReferralClosedHandler implements EventHandler {

    private final Endings endings;

    ReferralClosedHandler(Endings endings) {
        this.endings = endings;
    }

    @Override
    public String eventType() {
        return EventTypes.REFERRAL_CLOSED;
    }

    @Override
    public void handle(EventEnvelope event) {
        endings.referralEnded(ReferralSubject.of(event), ReferralEvents.reason(event),
                ReferralSubject.time(event, "closedAt"));
    }
}
