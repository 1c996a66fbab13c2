package org.alongside.matching.rights;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.alongside.matching.proposals.Endings;
import org.alongside.platform.audit.AuditTrail;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.inbox.EventHandler;
import org.alongside.platform.inbox.ReferralSubject;

/**
 * The referral's retention period ended (referral.erased): matching's copy of the person's needs and preferences,
 * the reasons their proposals were ranked by and every note about them are erased. Status, dates, the matched peer
 * and scores stay: nothing counted changes. Applying it again changes nothing.
 */
@ApplicationScoped
public class ReferralErasedHandler implements EventHandler {

    private final Endings endings;
    private final EntityManager entities;
    private final AuditTrail audit;

    ReferralErasedHandler(Endings endings, EntityManager entities, AuditTrail audit) {
        this.endings = endings;
        this.entities = entities;
        this.audit = audit;
    }

    @Override
    public String eventType() {
        return EventTypes.REFERRAL_ERASED;
    }

    @Override
    public void handle(EventEnvelope event) {
        UUID referralId = ReferralSubject.of(event);
        // referral-service erases only ended referrals; should one still be open here, it ends before it is emptied
        endings.referralEnded(referralId, "ERASED", ReferralSubject.time(event, "erasedAt"));
        entities.flush();
        int referrals = update("""
                UPDATE referral SET conditions = '[]', peer_gender = NULL, formats = '[]', shared_condition = NULL,
                    shared_culture_or_language = NULL, language = NULL, interpreter_needed = FALSE, locality = NULL,
                    culture = NULL, availability = '[]', experiences = '[]', waiting_reason = NULL,
                    erased_at = COALESCE(erased_at, ?2)
                WHERE id = ?1""", referralId, ReferralSubject.time(event, "erasedAt"));
        int proposals = update("UPDATE proposal SET reasons = '[]', decline_note = NULL WHERE referral_id = ?1",
                referralId, null);
        int ruledOut = update("UPDATE do_not_match SET reason = NULL WHERE referral_id = ?1", referralId, null);
        entities.clear();
        audit.record(AuditTrail.SYSTEM, "ERASE", "EVENT " + event.type() + " referral=" + referrals + " proposals="
                + proposals + " doNotMatch=" + ruledOut, referralId, List.of(event.id()));
    }

    private int update(String sql, UUID referralId, Object second) {
        var query = entities.createNativeQuery(sql).setParameter(1, referralId);
        if (second != null) {
            query.setParameter(2, second);
        }
        return query.executeUpdate();
    }
}
