package org.alongside.outcomes.facts;

import jakarta.enterprise.context.ApplicationScoped;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;

/** A referral was received: the start of every journey, with the dimensions reports group by. */
@ApplicationScoped
public class ReferralReceivedHandler implements ReadModelHandler {

    private final EventData data;
    private final ReferralFacts facts;

    ReferralReceivedHandler(EventData data, ReferralFacts facts) {
        this.data = data;
        this.facts = facts;
    }

    @Override
    public String eventType() {
        return EventTypes.REFERRAL_RECEIVED;
    }

    @Override
    public void handle(EventEnvelope event) throws Exception {
        facts.received(data.referralId(event), data.read(event, InboundEvents.ReferralReceived.class));
    }
}
