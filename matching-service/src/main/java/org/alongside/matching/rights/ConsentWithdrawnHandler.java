package org.alongside.matching.rights;

import jakarta.enterprise.context.ApplicationScoped;
import org.alongside.matching.proposals.Endings;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.inbox.EventHandler;
import org.alongside.platform.inbox.ReferralSubject;

/**
 * The person withdrew consent (referral.consent-withdrawn): matching proposes nothing more for them. An open
 * referral is also withdrawn in referral-service (referral.withdrawn, reason CONSENT_WITHDRAWN), which ends it
 * here first; this ends it too should that ever not arrive. Ending is once: a referral already ended is left.
 */
@ApplicationScoped
public class ConsentWithdrawnHandler implements EventHandler {

    public static final String REASON = "CONSENT_WITHDRAWN";

    private final Endings endings;

    ConsentWithdrawnHandler(Endings endings) {
        this.endings = endings;
    }

    @Override
    public String eventType() {
        return EventTypes.REFERRAL_CONSENT_WITHDRAWN;
    }

    @Override
    public void handle(EventEnvelope event) {
        endings.referralEnded(ReferralSubject.of(event), REASON, ReferralSubject.time(event, "withdrawnAt"));
    }
}
