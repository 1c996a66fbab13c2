package org.alongside.session.rights;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.alongside.platform.audit.AuditTrail;
import org.alongside.platform.events.Topics;
import org.alongside.platform.events.referrals.ReferralConsentWithdrawn;
import org.alongside.platform.events.referrals.ReferralErased;
import org.alongside.platform.inbox.EventHandlers;
import org.alongside.platform.inbox.EventSubscriber;
import org.alongside.platform.inbox.Received;
import org.alongside.session.match.Matches;

/** The person's rights, as referral-service exercises them: consent withdrawn, records erased. */
@ApplicationScoped
public class ReferralEvents implements EventSubscriber {

    private final Matches matches;
    private final Erasure erasure;
    private final AuditTrail audit;

    ReferralEvents(Matches matches, Erasure erasure, AuditTrail audit) {
        this.matches = matches;
        this.erasure = erasure;
        this.audit = audit;
    }

    @Override
    public EventHandlers handlers() {
        return EventHandlers.forStream(Topics.REFERRALS)
                .on(ReferralConsentWithdrawn.class, this::consentWithdrawn)
                .on(ReferralErased.class, this::erased)
                .build();
    }

    /**
     * The person withdrew consent to peer support: nothing new is recorded for them from now on. If the referral
     * was open, referral.withdrawn (reason CONSENT_WITHDRAWN) ends the match as well.
     */
    void consentWithdrawn(Received<ReferralConsentWithdrawn> event) {
        matches.consentWithdrawn(event.referralId(), event.time());
        audit.record(AuditTrail.SYSTEM, "RESTRICT", "EVENT " + event.type(), event.referralId(),
                List.of(event.eventId()));
    }

    /** The referral's retention period ended: its free text is erased here too. */
    void erased(Received<ReferralErased> event) {
        Erasure.Erased erased = erasure.erase(event.referralId(), event.time());
        audit.record(AuditTrail.SYSTEM, "ERASE", "EVENT " + event.type() + " " + erased, event.referralId(),
                List.of(event.eventId()));
    }
}
