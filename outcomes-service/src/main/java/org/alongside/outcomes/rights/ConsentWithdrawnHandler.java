package org.alongside.outcomes.rights;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.alongside.outcomes.measures.ProcessingRestrictions;
import org.alongside.platform.audit.AuditTrail;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.inbox.EventHandler;
import org.alongside.platform.inbox.ReferralSubject;

/** The person withdrew consent: nothing new is recorded about them here from now on (the counts stay). */
@ApplicationScoped
public class ConsentWithdrawnHandler implements EventHandler {

    private final ProcessingRestrictions restrictions;
    private final AuditTrail audit;

    ConsentWithdrawnHandler(ProcessingRestrictions restrictions, AuditTrail audit) {
        this.restrictions = restrictions;
        this.audit = audit;
    }

    @Override
    public String eventType() {
        return EventTypes.REFERRAL_CONSENT_WITHDRAWN;
    }

    @Override
    public void handle(EventEnvelope event) throws Exception {
        var referralId = ReferralSubject.of(event);
        restrictions.consentWithdrawn(referralId, ReferralSubject.time(event, "withdrawnAt"));
        audit.record(AuditTrail.SYSTEM, "RESTRICT", "EVENT " + event.type(), referralId, List.of(event.id()));
    }
}
