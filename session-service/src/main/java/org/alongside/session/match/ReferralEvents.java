package org.alongside.session.match;

import jakarta.enterprise.context.ApplicationScoped;
import org.alongside.platform.events.Topics;
import org.alongside.platform.events.referrals.ReferralAccepted;
import org.alongside.platform.events.referrals.ReferralAcceptedV2;
import org.alongside.platform.events.referrals.ReferralClosed;
import org.alongside.platform.events.referrals.ReferralWithdrawn;
import org.alongside.platform.inbox.EventHandlers;
import org.alongside.platform.inbox.EventSubscriber;
import org.alongside.platform.inbox.Received;

/** Which referrals are open, from referral-service: group members must be, and an ended one ends its match. */
@ApplicationScoped
public class ReferralEvents implements EventSubscriber {

    private final Matches matches;

    ReferralEvents(Matches matches) {
        this.matches = matches;
    }

    @Override
    public EventHandlers handlers() {
        return EventHandlers.forStream(Topics.REFERRALS)
                .on(ReferralAccepted.class, this::accepted)
                .on(ReferralAcceptedV2.class, this::acceptedV2)
                .on(ReferralWithdrawn.class, this::withdrawn)
                .on(ReferralClosed.class, this::closed)
                .build();
    }

    /** Triage accepted the referral: the person may now be supported, in a group even before a peer is matched. */
    void accepted(Received<ReferralAccepted> event) {
        matches.referralAccepted(event.referralId(), event.time());
    }

    /** Version 2 carries more of what the person brings; here only the acceptance counts. */
    void acceptedV2(Received<ReferralAcceptedV2> event) {
        matches.referralAccepted(event.referralId(), event.time());
    }

    /** The referral was withdrawn (the person or referrer asked): its match ends; history stays readable. */
    void withdrawn(Received<ReferralWithdrawn> event) {
        matches.referralEnded(event.referralId(), ReferralState.Ending.WITHDRAWN, event.data().reason(),
                event.time());
    }

    /** Support ended (goals met, moved away, ...): the referral's match ends with it; history stays readable. */
    void closed(Received<ReferralClosed> event) {
        matches.referralEnded(event.referralId(), ReferralState.Ending.CLOSED, event.data().reason(), event.time());
    }
}
