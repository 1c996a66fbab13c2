package org.alongside.outcomes.facts;

import jakarta.enterprise.context.ApplicationScoped;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;

/** The person chose a peer: the referral counts as matched from the first time that happened. */
@ApplicationScoped
public class MatchAcceptedHandler implements ReadModelHandler {

    private final EventData data;
    private final ReferralFacts facts;

    MatchAcceptedHandler(EventData data, ReferralFacts facts) {
        this.data = data;
        this.facts = facts;
    }

    @Override
    public String eventType() {
        return EventTypes.MATCH_ACCEPTED;
    }

    @Override
    public void handle(EventEnvelope event) throws Exception {
        InboundEvents.MatchAccepted match = data.read(event, InboundEvents.MatchAccepted.class);
        facts.reached(data.referralId(event), ReferralFacts.Milestone.MATCHED, match.acceptedAt());
    }
}
