package org.alongside.outcomes.facts;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.alongside.platform.events.Topics;
import org.alongside.platform.events.matches.MatchAccepted;
import org.alongside.platform.inbox.EventHandlers;
import org.alongside.platform.inbox.Received;

/** Matches in matching-service, as the commissioning figures count them. */
@ApplicationScoped
public class MatchEvents implements ReadModelSubscriber {

    private final ReferralFacts facts;

    MatchEvents(ReferralFacts facts) {
        this.facts = facts;
    }

    @Override
    public EventHandlers handlers() {
        return EventHandlers.forStream(Topics.MATCHES)
                .on(MatchAccepted.class, this::accepted)
                .build();
    }

    /** The person chose a peer: the referral counts as matched from the first time that happened. */
    void accepted(Received<MatchAccepted> event) throws SQLException {
        facts.reached(event.referralId(), ReferralFacts.Milestone.MATCHED, event.time());
    }
}
