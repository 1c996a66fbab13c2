package org.alongside.outcomes.facts;

import jakarta.enterprise.context.ApplicationScoped;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;

/** Support ended, with a coded reason. */
@ApplicationScoped
public class ReferralClosedHandler implements ReadModelHandler {

    private final EventData data;
    private final ReferralFacts facts;

    ReferralClosedHandler(EventData data, ReferralFacts facts) {
        this.data = data;
        this.facts = facts;
    }

    @Override
    public String eventType() {
        return EventTypes.REFERRAL_CLOSED;
    }

    @Override
    public void handle(EventEnvelope event) throws Exception {
        InboundEvents.ReferralClosed closed = data.read(event, InboundEvents.ReferralClosed.class);
        facts.reached(data.referralId(event), ReferralFacts.Milestone.CLOSED, closed.closedAt(), closed.reason());
    }
}
