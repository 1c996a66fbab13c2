package org.alongside.outcomes.facts;

import jakarta.enterprise.context.ApplicationScoped;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;

/** A peer raised a safeguarding concern: counted by category and urgency, never described. */
@ApplicationScoped
public class SafeguardingRaisedHandler implements ReadModelHandler {

    private final EventData data;
    private final SafeguardingFacts facts;

    SafeguardingRaisedHandler(EventData data, SafeguardingFacts facts) {
        this.data = data;
        this.facts = facts;
    }

    @Override
    public String eventType() {
        return EventTypes.SAFEGUARDING_RAISED;
    }

    @Override
    public void handle(EventEnvelope event) throws Exception {
        facts.raised(data.referralId(event), data.read(event, InboundEvents.SafeguardingRaised.class));
    }
}
