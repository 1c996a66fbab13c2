package org.alongside.outcomes.facts;

import jakarta.enterprise.context.ApplicationScoped;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;

/** Triage accepted the referral; its data also fills any dimension the received event did not bring. */
@ApplicationScoped
public class ReferralAcceptedHandler implements ReadModelHandler {

    private final EventData data;
    private final ReferralFacts facts;

    ReferralAcceptedHandler(EventData data, ReferralFacts facts) {
        this.data = data;
        this.facts = facts;
    }

    @Override
    public String eventType() {
        return EventTypes.REFERRAL_ACCEPTED;
    }

    @Override
    public void handle(EventEnvelope event) throws Exception {
        facts.accepted(data.referralId(event), data.read(event, InboundEvents.ReferralAccepted.class));
    }
}
