package org.alongside.outcomes.facts;

import jakarta.enterprise.context.ApplicationScoped;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;

/** Triage declined the referral, with a coded reason. */
@ApplicationScoped
public class ReferralDeclinedHandler implements ReadModelHandler {

    private final EventData data;
    private final ReferralFacts facts;

    ReferralDeclinedHandler(EventData data, ReferralFacts facts) {
        this.data = data;
        this.facts = facts;
    }

    @Override
    public String eventType() {
        return EventTypes.REFERRAL_DECLINED;
    }

    @Override
    public void handle(EventEnvelope event) throws Exception {
        InboundEvents.ReferralDeclined declined = data.read(event, InboundEvents.ReferralDeclined.class);
        facts.reached(data.referralId(event), ReferralFacts.Milestone.DECLINED, declined.declinedAt(),
                declined.reason());
    }
}
