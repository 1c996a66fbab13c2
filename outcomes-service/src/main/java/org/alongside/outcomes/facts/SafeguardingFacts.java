package org.alongside.outcomes.facts;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.platform.events.sessions.SafeguardingRaised;

/** Writes {@code safeguarding_fact} rows: one per concern, its category and (when sent) urgency only. */
@ApplicationScoped
public class SafeguardingFacts {

    private final AgroalDataSource dataSource;

    SafeguardingFacts(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void raised(UUID referralId, UUID concernId, SafeguardingRaised.Category category, Boolean immediateRisk,
            OffsetDateTime raisedAt) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            // Queued on the referral's fact row, so a receipt applied at the same time and this row cannot miss
            // each other: the row takes the referral's day of receipt (V8 migration), or the receipt updates it.
            ReferralFacts.lockReferral(connection, referralId);
            // The first time a concern was raised wins, so a re-sent concern changes nothing.
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO safeguarding_fact AS s (concern_id, referral_id, category, immediate_risk, raised_at)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (concern_id) DO UPDATE SET
                        category = CASE WHEN EXCLUDED.raised_at < s.raised_at THEN EXCLUDED.category
                                        ELSE s.category END,
                        immediate_risk = CASE WHEN EXCLUDED.raised_at < s.raised_at THEN EXCLUDED.immediate_risk
                                              ELSE s.immediate_risk END,
                        raised_at = LEAST(s.raised_at, EXCLUDED.raised_at)""")) {
                upsert.setObject(1, concernId);
                upsert.setObject(2, referralId);
                upsert.setString(3, category.name());
                upsert.setObject(4, immediateRisk, Types.BOOLEAN);
                upsert.setObject(5, raisedAt);
                upsert.executeUpdate();
            }
        }
    }
}
