package org.alongside.session.rights;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.alongside.platform.audit.AuditTrail;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.inbox.EventHandler;
import org.alongside.platform.inbox.ReferralSubject;

/** The referral's retention period ended (referral.erased): its free text is erased here too. */
@ApplicationScoped
public class ReferralErasedHandler implements EventHandler {

    private final Erasure erasure;
    private final AuditTrail audit;

    ReferralErasedHandler(Erasure erasure, AuditTrail audit) {
        this.erasure = erasure;
        this.audit = audit;
    }

    @Override
    public String eventType() {
        return EventTypes.REFERRAL_ERASED;
    }

    @Override
    public void handle(EventEnvelope event) {
        var referralId = ReferralSubject.of(event);
        Erasure.Erased erased = erasure.erase(referralId, ReferralSubject.time(event, "erasedAt"));
        audit.record(AuditTrail.SYSTEM, "ERASE", "EVENT " + event.type() + " " + erased, referralId,
                List.of(event.id()));
    }
}
