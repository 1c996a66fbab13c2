package org.alongside.session.match;

import jakarta.enterprise.context.ApplicationScoped;
import org.alongside.platform.events.Topics;
import org.alongside.platform.events.matches.MatchAccepted;
import org.alongside.platform.events.matches.MatchEnded;
import org.alongside.platform.events.matches.MatchEndedV2;
import org.alongside.platform.inbox.EventHandlers;
import org.alongside.platform.inbox.EventSubscriber;
import org.alongside.platform.inbox.Received;

/** Who may record 1:1 sessions for whom, from matching-service. */
@ApplicationScoped
public class MatchEvents implements EventSubscriber {

    private static final int REASON_LENGTH = 100;

    private final Matches matches;

    MatchEvents(Matches matches) {
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

    /** The person chose a peer: from now on that peer may record sessions for the referral. */
    void accepted(Received<MatchAccepted> event) {
        MatchAccepted match = event.data();
        matches.accepted(event.referralId(), match.peerId(), match.proposalId(), event.time());
    }

    /** Matching ended a match: the peer no longer records sessions for the referral; history stays. */
    void ended(Received<MatchEnded> event) {
        String reason = event.data().reason() == null || event.data().reason().isBlank() ? "MATCH_ENDED"
                : event.data().reason().strip();
        matches.ended(event.referralId(), event.data().peerId(),
                reason.length() > REASON_LENGTH ? reason.substring(0, REASON_LENGTH) : reason, event.time());
    }

    /**
     * Version 2, with a coded reason. TRANSFERRED: the old peer loses access now; the match.accepted that follows
     * gives the new peer the person's sessions and goals, which stay filed under the referral.
     */
    void endedV2(Received<MatchEndedV2> event) {
        matches.ended(event.referralId(), event.data().peerId(), event.data().reason().name(), event.time());
    }
}
