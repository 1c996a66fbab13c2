package org.alongside.outcomes.facts;

import jakarta.enterprise.context.ApplicationScoped;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;

/** The referral was withdrawn; the status it left shows where in the journey people drop out. */
@ApplicationScoped
public class ReferralWithdrawnHandler implements ReadModelHandler {

    private final EventData data;
    private final ReferralFacts facts;

    ReferralWithdrawnHandler(EventData data, ReferralFacts facts) {
        this.data = data;
        this.facts = facts;
    }

    @Override
    public String eventType() {
        return EventTypes.REFERRAL_WITHDRAWN;
    }

    @Override
    public void handle(EventEnvelope event) throws Exception {
        InboundEvents.ReferralWithdrawn withdrawn = data.read(event, InboundEvents.ReferralWithdrawn.class);
        facts.reached(data.referralId(event), ReferralFacts.Milestone.WITHDRAWN, withdrawn.withdrawnAt(),
                withdrawn.reason(), withdrawn.fromStatus());
    }
}
