package org.alongside.outcomes.dashboard;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;

/** Reads the summary counts from the fact tables in one statement, so the numbers agree with each other. */
@ApplicationScoped
public class Summaries {

    // A referral belongs to the cohort once its receipt is known; facts that arrived before it wait to be counted.
    private static final String SUMMARY = """
            WITH cohort AS (
                SELECT * FROM referral_fact
                WHERE received_at >= COALESCE(?, '-infinity'::timestamptz)
                  AND received_at < COALESCE(?, 'infinity'::timestamptz)),
            sessions AS (
                SELECT s.attendance FROM session_fact s JOIN cohort c ON c.referral_id = s.referral_id)
            SELECT count(*),
                   count(accepted_at),
                   count(declined_at),
                   count(withdrawn_at),
                   count(matched_at),
                   count(first_attended_at),
                   count(closed_at),
                   (SELECT count(*) FROM sessions),
                   (SELECT count(*) FROM sessions WHERE attendance = 'ATTENDED')
            FROM cohort""";

    private final AgroalDataSource dataSource;
    private final Clock clock;

    Summaries(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public DashboardSummary summary(ReportingPeriod period) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(SUMMARY)) {
            query.setObject(1, period.start(), Types.TIMESTAMP_WITH_TIMEZONE);
            query.setObject(2, period.end(), Types.TIMESTAMP_WITH_TIMEZONE);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return new DashboardSummary(period.from(), period.to(), rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                        OffsetDateTime.now(clock));
            }
        }
    }
}
