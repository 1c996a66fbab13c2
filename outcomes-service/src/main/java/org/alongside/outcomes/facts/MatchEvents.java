package org.alongside.outcomes.facts;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.alongside.platform.events.Topics;
import org.alongside.platform.events.matches.MatchAccepted;
import org.alongside.platform.events.matches.MatchEnded;
import org.alongside.platform.events.matches.MatchEndedV2;
import org.alongside.platform.inbox.EventHandlers;
import org.alongside.platform.inbox.Received;

/** Matches in matching-service, as the commissioning figures count them. */
@ApplicationScoped
public class MatchEvents implements ReadModelSubscriber {

    private final ReferralFacts facts;
    private final MatchFacts matches;

    MatchEvents(ReferralFacts facts, MatchFacts matches) {
        this.facts = facts;
        this.matches = matches;
    }

    @Override
    public EventHandlers handlers() {
        return EventHandlers.forStream(Topics.MATCHES)
                .on(MatchAccepted.class, this::accepted)
                .on(MatchEnded.class, this::ended)
                .on(MatchEndedV2.class, this::endedV2)
                .build();
    }

    /** The person chose a peer: the referral counts as matched from the first time that happened. */
    void accepted(Received<MatchAccepted> event) throws SQLException {
        facts.reached(event.referralId(), ReferralFacts.Milestone.MATCHED, event.time());
        matches.accepted(event.referralId(), event.data().peerId(), event.time(),
                event.data().sharedLivedExperience());
    }

    /** The match ended (the referral closed or was withdrawn): the peer's caseload is one fewer. */
    void ended(Received<MatchEnded> event) throws SQLException {
        matches.ended(event.referralId(), event.data().peerId(), event.time(), event.data().reason());
    }

    /** Version 2 of the same, with a coded reason (a transfer to another peer among them). */
    void endedV2(Received<MatchEndedV2> event) throws SQLException {
        matches.ended(event.referralId(), event.data().peerId(), event.time(), event.data().reason().name());
    }
}
