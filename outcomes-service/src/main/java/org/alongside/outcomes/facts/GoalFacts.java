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
import org.alongside.platform.events.sessions.GoalUpdated;

/**
 * Writes {@code goal_update_fact}: every update of a goal (focus, status, progress rating when rated), keyed by the
 * goal and the update's time, so a re-sent update changes nothing and the first and latest ratings are read in time
 * order whatever order the updates arrive in; the referral's goal counters are recounted from them. Never the
 * goal's words.
 */
@ApplicationScoped
public class GoalFacts {

    private final AgroalDataSource dataSource;

    GoalFacts(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void updated(UUID referralId, GoalUpdated goal, OffsetDateTime updatedAt) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            // Updates of one referral's goals are applied one at a time, queued on its fact row, so the recount
            // below sees every committed update of the referral even when several consumers run.
            ReferralFacts.lockReferral(connection, referralId);
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO goal_update_fact (goal_id, referral_id, updated_at, focus, status, rating)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (goal_id, updated_at) DO NOTHING""")) {
                upsert.setObject(1, goal.goalId());
                upsert.setObject(2, referralId);
                upsert.setObject(3, updatedAt);
                upsert.setString(4, goal.focus().name());
                upsert.setString(5, goal.status().name());
                upsert.setObject(6, goal.rating(), Types.SMALLINT);
                upsert.executeUpdate();
            }
            // the referral's goal counters, which the dashboard sums by day of receipt (V8 migration)
            try (PreparedStatement recount = connection.prepareStatement("SELECT referral_goals_recount(?)")) {
                recount.setArray(1, connection.createArrayOf("uuid", new Object[] {referralId}));
                recount.execute();
            }
        }
    }
}
