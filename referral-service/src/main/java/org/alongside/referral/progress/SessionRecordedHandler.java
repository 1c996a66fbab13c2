package org.alongside.referral.progress;

import jakarta.enterprise.context.ApplicationScoped;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.inbox.EventHandler;
import org.alongside.referral.lifecycle.Referrals;

/** The first attended session makes a matched referral ACTIVE. */
@ApplicationScoped
public class SessionRecordedHandler implements EventHandler {

    private final Referrals referrals;

    SessionRecordedHandler(Referrals referrals) {
        this.referrals = referrals;
    }

    @Override
    public String eventType() {
        return EventTypes.SESSION_RECORDED;
    }

    @Override
    public void handle(EventEnvelope event) {
        // a record later marked entered-in-error is not a first session
        if ("ATTENDED".equals(event.data().path("attendance").asText())
                && !"ENTERED_IN_ERROR".equals(event.data().path("status").asText())) {
            referrals.firstSessionAttended(Progress.referralOf(event), event.source());
        }
    }
}
