package org.alongside.session.rights;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.alongside.platform.audit.AuditTrail;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.inbox.EventHandler;
import org.alongside.platform.inbox.ReferralSubject;
import org.alongside.session.match.Matches;

/**
 * The person withdrew consent to peer support (referral.consent-withdrawn): nothing new is recorded for them from
 * now on. If the referral was open, referral.withdrawn (reason CONSENT_WITHDRAWN) ends the match as well.
 */
@ApplicationScoped
public class ConsentWithdrawnHandler implements EventHandler {

    private final Matches matches;
    private final AuditTrail audit;

    ConsentWithdrawnHandler(Matches matches, AuditTrail audit) {
        this.matches = matches;
        this.audit = audit;
    }

    @Override
    public String eventType() {
        return EventTypes.REFERRAL_CONSENT_WITHDRAWN;
    }

    @Override
    public void handle(EventEnvelope event) {
        var referralId = ReferralSubject.of(event);
        matches.consentWithdrawn(referralId, ReferralSubject.time(event, "withdrawnAt"));
        audit.record(AuditTrail.SYSTEM, "RESTRICT", "EVENT " + event.type(), referralId, List.of(event.id()));
    }
}
