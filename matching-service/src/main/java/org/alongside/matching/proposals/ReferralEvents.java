package org.alongside.matching.proposals;

import jakarta.enterprise.context.ApplicationScoped;
import org.alongside.platform.events.Topics;
import org.alongside.platform.events.matches.MatchEndedV2;
import org.alongside.platform.events.referrals.ReferralAccepted;
import org.alongside.platform.events.referrals.ReferralAcceptedV2;
import org.alongside.platform.events.referrals.ReferralClosed;
import org.alongside.platform.events.referrals.ReferralUpdated;
import org.alongside.platform.events.referrals.ReferralWithdrawn;
import org.alongside.platform.inbox.EventHandlers;
import org.alongside.platform.inbox.EventSubscriber;
import org.alongside.platform.inbox.Received;

/** What matching takes from a referral's journey in referral-service: when to propose peers, and when to stop. */
@ApplicationScoped
public class ReferralEvents implements EventSubscriber {

    private final Shortlists shortlists;
    private final Endings endings;

    ReferralEvents(Shortlists shortlists, Endings endings) {
        this.shortlists = shortlists;
        this.endings = endings;
    }

    @Override
    public EventHandlers handlers() {
        return EventHandlers.forStream(Topics.REFERRALS)
                .on(ReferralAccepted.class, this::accepted)
                .on(ReferralAcceptedV2.class, this::acceptedV2)
                .on(ReferralUpdated.class, this::updated)
                .on(ReferralWithdrawn.class, this::withdrawn)
                .on(ReferralClosed.class, this::closed)
                .build();
    }

    /** A referral was triaged in: it is ready to be matched with a peer. */
    void accepted(Received<ReferralAccepted> event) {
        shortlists.propose(event.referralId(), PersonNeeds.of(event.data()), event.time());
    }

    void acceptedV2(Received<ReferralAcceptedV2> event) {
        shortlists.propose(event.referralId(), PersonNeeds.of(event.data()), event.time());
    }

    /** A coordinator corrected the referral: what matching holds is replaced, and open proposals scored again. */
    void updated(Received<ReferralUpdated> event) {
        shortlists.update(event.referralId(), PersonNeeds.of(event.data()));
    }

    /** The referral was withdrawn: a match ends, a referral not yet matched stops waiting. */
    void withdrawn(Received<ReferralWithdrawn> event) {
        endings.referralEnded(event.referralId(), MatchEndedV2.Reason.WITHDRAWN, event.data().reason().strip(),
                event.time());
    }

    /** The person's support ended: a match ends, a referral not yet matched stops waiting. */
    void closed(Received<ReferralClosed> event) {
        endings.referralEnded(event.referralId(), MatchEndedV2.Reason.CLOSED, event.data().reason().strip(),
                event.time());
    }
}
