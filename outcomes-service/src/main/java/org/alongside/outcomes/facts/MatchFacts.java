package org.alongside.outcomes.facts;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.platform.events.matches.MatchAccepted;

/**
 * Writes {@code match_fact}: who supports whom, from when until when (caseloads), and what lived experience the peer
 * shares with the person. Keyed by person and peer, which both versions of match.ended name; the earliest acceptance
 * (with what it shared) and the earliest ending win, so the order the events arrive in does not matter.
 */
@ApplicationScoped
public class MatchFacts {

    private final AgroalDataSource dataSource;

    MatchFacts(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void accepted(UUID referralId, UUID peerId, OffsetDateTime acceptedAt,
            MatchAccepted.SharedLivedExperience shared) throws SQLException {
        upsert(referralId, peerId, acceptedAt, shared, null, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void ended(UUID referralId, UUID peerId, OffsetDateTime endedAt, String reason) throws SQLException {
        upsert(referralId, peerId, null, null, endedAt, reason);
    }

    private void upsert(UUID referralId, UUID peerId, OffsetDateTime acceptedAt,
            MatchAccepted.SharedLivedExperience shared, OffsetDateTime endedAt, String reason) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            // Queued on the referral's fact row, so a receipt applied at the same time and this row cannot miss
            // each other: the row takes the referral's day of receipt (V8 migration), or the receipt updates it.
            ReferralFacts.lockReferral(connection, referralId);
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO match_fact AS m (referral_id, peer_id, accepted_at, shared_lived_experience, ended_at,
                        end_reason)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (referral_id, peer_id) DO UPDATE SET
                        shared_lived_experience = CASE
                            WHEN m.accepted_at IS NULL OR EXCLUDED.accepted_at < m.accepted_at
                            THEN COALESCE(EXCLUDED.shared_lived_experience, m.shared_lived_experience)
                            ELSE COALESCE(m.shared_lived_experience, EXCLUDED.shared_lived_experience) END,
                        accepted_at = LEAST(m.accepted_at, EXCLUDED.accepted_at),
                        end_reason = CASE WHEN m.ended_at IS NULL OR EXCLUDED.ended_at < m.ended_at
                                          THEN COALESCE(EXCLUDED.end_reason, m.end_reason) ELSE m.end_reason END,
                        ended_at = LEAST(m.ended_at, EXCLUDED.ended_at)""")) {
                upsert.setObject(1, referralId);
                upsert.setObject(2, peerId);
                upsert.setObject(3, acceptedAt);
                upsert.setString(4, shared == null ? null : shared.name());
                upsert.setObject(5, endedAt);
                upsert.setString(6, reason);
                upsert.executeUpdate();
            }
        }
    }
}
