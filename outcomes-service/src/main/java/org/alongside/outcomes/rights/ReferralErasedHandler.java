package org.alongside.outcomes.rights;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.alongside.platform.audit.AuditTrail;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.inbox.EventHandler;

/**
 * The referral's retention period ended. The read model holds no identity and no free text (codes, bands, dates and
 * counts, which the commissioning figures need, and which the referral id no longer links to anyone once
 * referral-service erased the identity), so nothing is erased here: the referral is marked so that nothing new is
 * recorded about it, and the dashboard stays exactly as it was.
 */
@ApplicationScoped
public class ReferralErasedHandler implements EventHandler {

    private final ProcessingRestrictions restrictions;
    private final AuditTrail audit;

    ReferralErasedHandler(ProcessingRestrictions restrictions, AuditTrail audit) {
        this.restrictions = restrictions;
        this.audit = audit;
    }

    @Override
    public String eventType() {
        return EventTypes.REFERRAL_ERASED;
    }

    @Override
    public void handle(EventEnvelope event) throws Exception {
        var referralId = RightsEvents.referralId(event);
        restrictions.erased(referralId, RightsEvents.time(event, "erasedAt"));
        audit.record(AuditTrail.SYSTEM, "ERASE", "EVENT " + event.type(), referralId, List.of(event.id()));
    }
}
