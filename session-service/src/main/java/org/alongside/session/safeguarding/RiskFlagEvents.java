package org.alongside.session.safeguarding;

import jakarta.enterprise.context.ApplicationScoped;
import org.alongside.platform.events.Topics;
import org.alongside.platform.events.outcomes.RiskFlagged;
import org.alongside.platform.inbox.EventHandlers;
import org.alongside.platform.inbox.EventSubscriber;
import org.alongside.platform.inbox.Received;

/** Risk flags from outcomes-service: on the supervisors' worklist, and an alert at once. */
@ApplicationScoped
public class RiskFlagEvents implements EventSubscriber {

    private final RiskFlags flags;

    RiskFlagEvents(RiskFlags flags) {
        this.flags = flags;
    }

    @Override
    public EventHandlers handlers() {
        return EventHandlers.forStream(Topics.OUTCOMES)
                .on(RiskFlagged.class, this::flagged)
                .build();
    }

    void flagged(Received<RiskFlagged> event) {
        RiskFlagged flag = event.data();
        flags.flagged(event.referralId(), flag.measurementId(), flag.instrument(), flag.item(), event.time());
    }
}
