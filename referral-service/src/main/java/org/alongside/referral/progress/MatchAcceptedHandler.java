package org.alongside.referral.progress;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.inbox.EventHandler;
import org.alongside.platform.inbox.PoisonEventException;
import org.alongside.referral.lifecycle.Referral;
import org.alongside.referral.lifecycle.Referrals;

/** The person chose a peer in matching-service: the referral becomes MATCHED. */
@ApplicationScoped
public class MatchAcceptedHandler implements EventHandler {

    private final Referrals referrals;

    MatchAcceptedHandler(Referrals referrals) {
        this.referrals = referrals;
    }

    @Override
    public String eventType() {
        return EventTypes.MATCH_ACCEPTED;
    }

    @Override
    public void handle(EventEnvelope event) {
        Referral referral = Progress.referralOf(event);
        String peerId = event.data().path("peerId").asText(null);
        if (peerId == null) {
            throw new PoisonEventException("match.accepted without peerId");
        }
        referrals.matched(referral, UUID.fromString(peerId), event.source());
    }
}
