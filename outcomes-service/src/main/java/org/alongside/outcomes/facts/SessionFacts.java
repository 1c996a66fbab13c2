package org.alongside.outcomes.facts;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.UUID;
import org.alongside.platform.inbox.PoisonEventException;

/**
 * Writes {@code session_fact} rows and keeps the referral's first attended session in step with them. A session
 * recorded again (a correction) replaces the earlier recording only when it is newer, so the survivor does not
 * depend on delivery order; the first attended time is recounted from the sessions rather than accumulated, so a
 * correction from ATTENDED to DID_NOT_ATTEND takes it back.
 */
@ApplicationScoped
public class SessionFacts {

    private static final String UPSERT = """
            INSERT INTO session_fact AS s (session_id, referral_id, peer_id, started_at, duration_minutes, format,
                attendance, focus, recorded_at, event_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (session_id) DO UPDATE SET
                peer_id = EXCLUDED.peer_id,
                started_at = EXCLUDED.started_at,
                duration_minutes = EXCLUDED.duration_minutes,
                format = EXCLUDED.format,
                attendance = EXCLUDED.attendance,
                focus = EXCLUDED.focus,
                recorded_at = EXCLUDED.recorded_at,
                event_id = EXCLUDED.event_id
            WHERE (EXCLUDED.recorded_at, EXCLUDED.event_id) > (s.recorded_at, s.event_id)""";

    private static final String RECOUNT_FIRST_ATTENDED = """
            UPDATE referral_fact SET first_attended_at = (
                SELECT min(started_at) FROM session_fact WHERE referral_id = ? AND attendance = 'ATTENDED')
            WHERE referral_id = ?""";

    private final AgroalDataSource dataSource;

    SessionFacts(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recorded(UUID referralId, InboundEvents.SessionRecorded session, String eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            // Sessions of one referral are applied one at a time, queued on its fact row, so the recount below
            // sees every committed session of the referral even when several consumers run.
            execute(connection, "INSERT INTO referral_fact (referral_id) VALUES (?) ON CONFLICT DO NOTHING",
                    referralId);
            execute(connection, "SELECT 1 FROM referral_fact WHERE referral_id = ? FOR UPDATE", referralId);

            try (PreparedStatement owner = connection.prepareStatement(
                    "SELECT referral_id FROM session_fact WHERE session_id = ?")) {
                owner.setObject(1, session.sessionId());
                try (ResultSet rs = owner.executeQuery()) {
                    if (rs.next() && !referralId.equals(rs.getObject(1, UUID.class))) {
                        throw new PoisonEventException("session.recorded: session " + session.sessionId()
                                + " was recorded for another referral");
                    }
                }
            }

            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                upsert.setObject(1, session.sessionId());
                upsert.setObject(2, referralId);
                upsert.setObject(3, session.peerId());
                upsert.setObject(4, session.startedAt());
                upsert.setObject(5, session.durationMinutes(), Types.INTEGER);
                upsert.setString(6, session.format() == null ? null : session.format().name());
                upsert.setString(7, session.attendance().name());
                List<InboundEvents.Focus> focus = session.focus() == null ? List.of() : session.focus();
                upsert.setArray(8, connection.createArrayOf("text",
                        focus.stream().map(Enum::name).distinct().sorted().toArray(String[]::new)));
                upsert.setObject(9, session.recordedAt());
                upsert.setString(10, eventId);
                upsert.executeUpdate();
            }

            try (PreparedStatement recount = connection.prepareStatement(RECOUNT_FIRST_ATTENDED)) {
                recount.setObject(1, referralId);
                recount.setObject(2, referralId);
                recount.executeUpdate();
            }
        }
    }

    private static void execute(Connection connection, String sql, UUID referralId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, referralId);
            statement.execute();
        }
    }
}
