package org.alongside.outcomes.rights;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.alongside.outcomes.measures.ProcessingRestrictions;
import org.alongside.platform.audit.AuditTrail;
import org.alongside.platform.events.Topics;
import org.alongside.platform.events.referrals.ReferralConsentWithdrawn;
import org.alongside.platform.events.referrals.ReferralErased;
import org.alongside.platform.inbox.EventHandlers;
import org.alongside.platform.inbox.EventSubscriber;
import org.alongside.platform.inbox.Received;

/** The person's rights, as referral-service exercises them: consent withdrawn, records erased. */
@ApplicationScoped
public class ReferralEvents implements EventSubscriber {

    private final ProcessingRestrictions restrictions;
    private final AuditTrail audit;
    private final AgroalDataSource dataSource;

    ReferralEvents(ProcessingRestrictions restrictions, AuditTrail audit, AgroalDataSource dataSource) {
        this.restrictions = restrictions;
        this.audit = audit;
        this.dataSource = dataSource;
    }

    @Override
    public EventHandlers handlers() {
        return EventHandlers.forStream(Topics.REFERRALS)
                .on(ReferralConsentWithdrawn.class, this::consentWithdrawn)
                .on(ReferralErased.class, this::erased)
                .build();
    }

    /** The person withdrew consent: nothing new is recorded about them here from now on (the counts stay). */
    void consentWithdrawn(Received<ReferralConsentWithdrawn> event) throws SQLException {
        restrictions.consentWithdrawn(event.referralId(), event.time());
        audit.record(AuditTrail.SYSTEM, "RESTRICT", "EVENT " + event.type(), event.referralId(),
                List.of(event.eventId()));
    }

    /**
     * The referral's retention period ended. The read model holds no identity and no free text (codes, bands, dates
     * and counts, which the commissioning figures need, and which the referral id no longer links to anyone once
     * referral-service erased the identity), so it stays exactly as it was. What the person answered item by item and
     * what a supervisor wrote when acknowledging a risk flag are erased; scores and bands stay, as the figures need
     * them. The referral is marked so that nothing new is recorded about it.
     */
    void erased(Received<ReferralErased> event) throws SQLException {
        restrictions.erased(event.referralId(), event.time());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement answers = connection.prepareStatement(
                     "UPDATE measurement SET answers = NULL WHERE referral_id = ?");
             PreparedStatement notes = connection.prepareStatement(
                     "UPDATE risk_flag SET acknowledgement_note = NULL WHERE referral_id = ?")) {
            answers.setObject(1, event.referralId());
            answers.executeUpdate();
            notes.setObject(1, event.referralId());
            notes.executeUpdate();
        }
        audit.record(AuditTrail.SYSTEM, "ERASE", "EVENT " + event.type(), event.referralId(),
                List.of(event.eventId()));
    }
}
