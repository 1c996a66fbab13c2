package org.alongside.outcomes.measures;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.alongside.platform.events.Topics;
import org.alongside.platform.events.matches.MatchAccepted;
import org.alongside.platform.inbox.EventHandlers;
import org.alongside.platform.inbox.EventSubscriber;
import org.alongside.platform.inbox.Received;

/** Who supports whom, from matching-service: the peer worker who may record and read a person's outcomes. */
@ApplicationScoped
public class MatchEvents implements EventSubscriber {

    private final PeerAssignments assignments;

    MatchEvents(PeerAssignments assignments) {
        this.assignments = assignments;
    }

    @Override
    public EventHandlers handlers() {
        return EventHandlers.forStream(Topics.MATCHES)
                .on(MatchAccepted.class, this::accepted)
                .build();
    }

    /** The person chose a peer: from now on that peer worker may record and read the person's outcomes. */
    void accepted(Received<MatchAccepted> event) throws SQLException {
        assignments.accepted(event.referralId(), event.data().peerId(), event.time(), event.eventId());
    }
}
