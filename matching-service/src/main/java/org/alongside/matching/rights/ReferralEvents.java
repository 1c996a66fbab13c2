package org.alongside.matching.rights;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.alongside.matching.proposals.Endings;
import org.alongside.platform.audit.AuditTrail;
import org.alongside.platform.events.Topics;
import org.alongside.platform.events.matches.MatchEndedV2;
import org.alongside.platform.events.referrals.ReferralConsentWithdrawn;
import org.alongside.platform.events.referrals.ReferralErased;
import org.alongside.platform.inbox.EventHandlers;
import org.alongside.platform.inbox.EventSubscriber;
import org.alongside.platform.inbox.Received;

/** The person's rights, as referral-service exercises them: consent withdrawn, records erased. */
@ApplicationScoped
public class ReferralEvents implements EventSubscriber {

    private static final String CONSENT_WITHDRAWN = "CONSENT_WITHDRAWN";

    private final Endings endings;
    private final EntityManager entities;
    private final AuditTrail audit;

    ReferralEvents(Endings endings, EntityManager entities, AuditTrail audit) {
        this.endings = endings;
        this.entities = entities;
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
     * The person withdrew consent: matching proposes nothing more for them. An open referral is also withdrawn in
     * referral-service (referral.withdrawn, reason CONSENT_WITHDRAWN), which ends it here first; this ends it too
     * should that ever not arrive. Ending is once: a referral already ended is left.
     */
    void consentWithdrawn(Received<ReferralConsentWithdrawn> event) {
        endings.referralEnded(event.referralId(), MatchEndedV2.Reason.WITHDRAWN, CONSENT_WITHDRAWN, event.time());
    }

    /**
     * The referral's retention period ended: matching's copy of the person's needs and preferences, the reasons their
     * proposals were ranked by and every note about them are erased. Status, dates, the matched peer and scores stay:
     * nothing counted changes. Applying it again changes nothing.
     */
    void erased(Received<ReferralErased> event) {
        UUID referralId = event.referralId();
        // referral-service erases only ended referrals; should one still be open here, it ends before it is emptied
        endings.referralEnded(referralId, MatchEndedV2.Reason.CLOSED, "ERASED", event.time());
        entities.flush();
        int referrals = update("""
                UPDATE referral SET conditions = '[]', peer_gender = NULL, settings = '[]', media = '[]',
                    shared_condition = NULL, shared_culture_or_language = NULL, language = NULL,
                    interpreter_needed = FALSE, locality = NULL, culture = NULL, ethnicity = NULL, faith = NULL,
                    availability = '[]', experiences = '[]', waiting_reason = NULL,
                    erased_at = COALESCE(erased_at, ?2)
                WHERE id = ?1""", referralId, event.time());
        int proposals = update("UPDATE proposal SET reasons = '[]', decline_note = NULL WHERE referral_id = ?1",
                referralId, null);
        int ruledOut = update("UPDATE do_not_match SET reason = NULL WHERE referral_id = ?1", referralId, null);
        entities.clear();
        audit.record(AuditTrail.SYSTEM, "ERASE", "EVENT " + event.type() + " referral=" + referrals + " proposals="
                + proposals + " doNotMatch=" + ruledOut, referralId, List.of(event.eventId()));
    }

    private int update(String sql, UUID referralId, Object second) {
        var query = entities.createNativeQuery(sql).setParameter(1, referralId);
        if (second != null) {
            query.setParameter(2, second);
        }
        return query.executeUpdate();
    }
}
