package org.alongside.outcomes.rights;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.alongside.outcomes.measures.ProcessingRestrictions;
import org.alongside.platform.audit.AuditTrail;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.inbox.EventHandler;
import org.alongside.platform.inbox.ReferralSubject;

/**
 * The referral's retention period ended. The read model holds no identity and no free text (codes, bands, dates and
 * counts, which the commissioning figures need, and which the referral id no longer links to anyone once
 * referral-service erased the identity), so it stays exactly as it was. What the person answered item by item and
 * what a supervisor wrote when acknowledging a risk flag are erased; scores and bands stay, as the figures need
 * them. The referral is marked so that nothing new is recorded about it.
 */
@ApplicationScoped
public class ReferralErasedHandler implements EventHandler {

    private final ProcessingRestrictions restrictions;
    private final AuditTrail audit;
    private final AgroalDataSource dataSource;

    ReferralErasedHandler(ProcessingRestrictions restrictions, AuditTrail audit, AgroalDataSource dataSource) {
        this.restrictions = restrictions;
        this.audit = audit;
        this.dataSource = dataSource;
    }

    @Override
    public String eventType() {
        return EventTypes.REFERRAL_ERASED;
    }

    @Override
    public void handle(EventEnvelope event) throws Exception {
        var referralId = ReferralSubject.of(event);
        restrictions.erased(referralId, ReferralSubject.time(event, "erasedAt"));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement answers = connection.prepareStatement(
                     "UPDATE measurement SET answers = NULL WHERE referral_id = ?");
             PreparedStatement notes = connection.prepareStatement(
                     "UPDATE risk_flag SET acknowledgement_note = NULL WHERE referral_id = ?")) {
            answers.setObject(1, referralId);
            answers.executeUpdate();
            notes.setObject(1, referralId);
            notes.executeUpdate();
        }
        audit.record(AuditTrail.SYSTEM, "ERASE", "EVENT " + event.type(), referralId, List.of(event.id()));
    }
}
