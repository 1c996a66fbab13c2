package org.alongside.referral.progress;

import jakarta.enterprise.context.ApplicationScoped;
import org.alongside.platform.events.Topics;
import org.alongside.platform.events.matches.MatchAccepted;
import org.alongside.platform.inbox.EventHandlers;
import org.alongside.platform.inbox.EventSubscriber;
import org.alongside.platform.inbox.Received;
import org.alongside.referral.lifecycle.Referrals;

/** What a referral's progress takes from matching-service. */
@ApplicationScoped
public class MatchEvents implements EventSubscriber {

    private final Referrals referrals;

    MatchEvents(Referrals referrals) {
        this.referrals = referrals;
    }

    @Override
    public EventHandlers handlers() {
        return EventHandlers.forStream(Topics.MATCHES)
                .on(MatchAccepted.class, this::accepted)
                .build();
    }

    /** The person chose a peer: the referral becomes MATCHED. */
    void accepted(Received<MatchAccepted> event) {
        referrals.matched(Progress.referralOf(event), event.data().peerId(), event.source());
    }
}
