package org.alongside.outcomes.facts;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.alongside.platform.events.Topics;
import org.alongside.platform.events.staff.SupervisionRecorded;
import org.alongside.platform.inbox.EventHandlers;
import org.alongside.platform.inbox.Received;

/** The workforce in session-service, as the commissioning figures count it: supervision held with each peer. */
@ApplicationScoped
public class StaffEvents implements ReadModelSubscriber {

    private final SupervisionFacts supervision;

    StaffEvents(SupervisionFacts supervision) {
        this.supervision = supervision;
    }

    @Override
    public EventHandlers handlers() {
        return EventHandlers.forStream(Topics.STAFF)
                .on(SupervisionRecorded.class, this::supervisionRecorded)
                .build();
    }

    /** A supervisor held supervision with the peer: counted against the policy interval. */
    void supervisionRecorded(Received<SupervisionRecorded> event) throws SQLException {
        SupervisionRecorded held = event.data();
        supervision.recorded(held.supervisionId(), held.peerId(), event.time());
    }
}
