package org.alongside.outcomes.facts;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.alongside.platform.events.Topics;
import org.alongside.platform.events.outcomes.OutcomeRecorded;
import org.alongside.platform.inbox.EventHandlers;
import org.alongside.platform.inbox.Received;

/** Outcome measures this service recorded, read back from its own topic as the figures count them. */
@ApplicationScoped
public class OutcomeEvents implements ReadModelSubscriber {

    private final MeasurementFacts facts;

    OutcomeEvents(MeasurementFacts facts) {
        this.facts = facts;
    }

    @Override
    public EventHandlers handlers() {
        return EventHandlers.forStream(Topics.OUTCOMES)
                .on(OutcomeRecorded.class, this::recorded)
                .build();
    }

    /** A person completed an outcome measure: it counts towards paired baseline and follow-up. */
    void recorded(Received<OutcomeRecorded> event) throws SQLException {
        facts.recorded(event.referralId(), event.data());
    }
}
