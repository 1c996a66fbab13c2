package org.alongside.outcomes.facts;

import jakarta.enterprise.context.ApplicationScoped;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;

/** A peer recorded a session (attended or not); the first attended one makes the referral active. */
@ApplicationScoped
public class SessionRecordedHandler implements ReadModelHandler {

    private final EventData data;
    private final SessionFacts facts;

    SessionRecordedHandler(EventData data, SessionFacts facts) {
        this.data = data;
        this.facts = facts;
    }

    @Override
    public String eventType() {
        return EventTypes.SESSION_RECORDED;
    }

    @Override
    public void handle(EventEnvelope event) throws Exception {
        facts.recorded(data.referralId(event), data.read(event, InboundEvents.SessionRecorded.class), event.id());
    }
}
