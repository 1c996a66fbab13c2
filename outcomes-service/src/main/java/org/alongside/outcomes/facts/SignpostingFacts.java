package org.alongside.outcomes.facts;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.platform.events.sessions.SignpostingUpdated;

/**
 * Writes {@code signposting_fact}: each community resource a person was linked to, by kind, and whether they took it
 * up as last updated (the latest {@code updatedAt} wins, whatever order the updates arrive in). Never its name.
 */
@ApplicationScoped
public class SignpostingFacts {

    private final AgroalDataSource dataSource;

    SignpostingFacts(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void updated(UUID referralId, SignpostingUpdated signposting, OffsetDateTime updatedAt)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            // queued on the referral's fact row, so this row and a receipt applied at the same time cannot miss
            // each other: the row takes the referral's day of receipt (V10 migration), or the receipt updates it
            ReferralFacts.lockReferral(connection, referralId);
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO signposting_fact AS s (signposting_id, referral_id, category, take_up, updated_at)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (signposting_id) DO UPDATE SET category = EXCLUDED.category,
                        take_up = EXCLUDED.take_up, updated_at = EXCLUDED.updated_at
                    WHERE (EXCLUDED.updated_at, EXCLUDED.take_up) > (s.updated_at, s.take_up)""")) {
                upsert.setObject(1, signposting.signpostingId());
                upsert.setObject(2, referralId);
                upsert.setString(3, signposting.category().name());
                upsert.setString(4, signposting.takeUp().name());
                upsert.setObject(5, updatedAt);
                upsert.executeUpdate();
            }
        }
    }
}
