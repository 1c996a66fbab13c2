package org.alongside.outcomes.facts;

import jakarta.enterprise.context.ApplicationScoped;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;

/** A person completed an outcome measure: it counts towards paired baseline and follow-up. */
@ApplicationScoped
public class OutcomeRecordedHandler implements ReadModelHandler {

    private final EventData data;
    private final MeasurementFacts facts;

    OutcomeRecordedHandler(EventData data, MeasurementFacts facts) {
        this.data = data;
        this.facts = facts;
    }

    @Override
    public String eventType() {
        return EventTypes.OUTCOME_RECORDED;
    }

    @Override
    public void handle(EventEnvelope event) throws Exception {
        facts.recorded(data.referralId(event), data.read(event, InboundEvents.OutcomeRecorded.class));
    }
}
