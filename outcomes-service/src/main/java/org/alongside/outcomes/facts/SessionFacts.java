package org.alongside.outcomes.facts;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.alongside.platform.events.sessions.Focus;
import org.alongside.platform.events.sessions.SessionRecorded;
import org.alongside.platform.inbox.PoisonEventException;

/**
 * Writes {@code session_fact} rows and keeps the referral's first attended session in step with them. A session
 * recorded again (a correction) replaces the earlier recording only when it is newer, so the survivor does not
 * depend on delivery order; the first attended time and the referral's session counters are recounted from the
 * sessions rather than accumulated, so a correction from ATTENDED to DID_NOT_ATTEND, or to ENTERED_IN_ERROR, takes them back.
 */
@ApplicationScoped
public class SessionFacts {

    private static final String UPSERT = """
            INSERT INTO session_fact AS s (session_id, referral_id, peer_id, started_at, duration_minutes, format,
                attendance, focus, recorded_at, event_id, kind, group_id, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (session_id) DO UPDATE SET
                peer_id = EXCLUDED.peer_id,
                started_at = EXCLUDED.started_at,
                duration_minutes = EXCLUDED.duration_minutes,
                format = EXCLUDED.format,
                attendance = EXCLUDED.attendance,
                focus = EXCLUDED.focus,
                recorded_at = EXCLUDED.recorded_at,
                event_id = EXCLUDED.event_id,
                kind = EXCLUDED.kind,
                group_id = EXCLUDED.group_id,
                status = EXCLUDED.status
            WHERE (EXCLUDED.recorded_at, EXCLUDED.event_id) > (s.recorded_at, s.event_id)""";

    /** Recounts the referral's session counters; also the set-based form the benchmark's bulk load runs. */
    public static final String RECOUNT = """
            UPDATE referral_fact f SET
                first_attended_at = s.first_attended_at,
                sessions_recorded = s.recorded,
                sessions_attended = s.attended,
                sessions_did_not_attend = s.did_not_attend,
                sessions_cancelled_client = s.cancelled_client,
                sessions_cancelled_peer = s.cancelled_peer,
                attended_in_person = s.in_person,
                attended_telephone = s.telephone,
                attended_video = s.video,
                attended_online_text = s.online_text,
                attended_group = s.in_group
            FROM (SELECT referral_id,
                         min(started_at) FILTER (WHERE attendance = 'ATTENDED') AS first_attended_at,
                         count(*) AS recorded,
                         count(*) FILTER (WHERE attendance = 'ATTENDED') AS attended,
                         count(*) FILTER (WHERE attendance = 'DID_NOT_ATTEND') AS did_not_attend,
                         count(*) FILTER (WHERE attendance = 'CANCELLED_BY_CLIENT') AS cancelled_client,
                         count(*) FILTER (WHERE attendance = 'CANCELLED_BY_PEER') AS cancelled_peer,
                         count(*) FILTER (WHERE attendance = 'ATTENDED' AND format = 'IN_PERSON') AS in_person,
                         count(*) FILTER (WHERE attendance = 'ATTENDED' AND format = 'TELEPHONE') AS telephone,
                         count(*) FILTER (WHERE attendance = 'ATTENDED' AND format = 'VIDEO') AS video,
                         count(*) FILTER (WHERE attendance = 'ATTENDED' AND format = 'ONLINE_TEXT') AS online_text,
                         count(*) FILTER (WHERE attendance = 'ATTENDED' AND kind = 'GROUP') AS in_group
                  FROM session_fact
                  WHERE referral_id = ANY(?) AND status IS DISTINCT FROM 'ENTERED_IN_ERROR'
                  GROUP BY referral_id) s
            WHERE f.referral_id = s.referral_id""";

    /** Zeroes the counters of referrals none of whose sessions count any more (all entered in error). */
    public static final String ZERO_WITHOUT_SESSIONS = """
            UPDATE referral_fact f SET first_attended_at = NULL, sessions_recorded = 0, sessions_attended = 0,
                sessions_did_not_attend = 0, sessions_cancelled_client = 0, sessions_cancelled_peer = 0,
                attended_in_person = 0, attended_telephone = 0, attended_video = 0, attended_online_text = 0,
                attended_group = 0
            WHERE f.referral_id = ANY(?) AND NOT EXISTS (
                SELECT 1 FROM session_fact s WHERE s.referral_id = f.referral_id
                  AND s.status IS DISTINCT FROM 'ENTERED_IN_ERROR')""";

    private final AgroalDataSource dataSource;

    SessionFacts(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recorded(UUID referralId, SessionRecorded session, OffsetDateTime recordedAt, String eventId)
            throws SQLException {
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
                List<Focus> focus = session.focus() == null ? List.of() : session.focus();
                upsert.setArray(8, connection.createArrayOf("text",
                        focus.stream().map(Enum::name).distinct().sorted().toArray(String[]::new)));
                upsert.setObject(9, recordedAt);
                upsert.setString(10, eventId);
                upsert.setString(11, session.kind() == null ? null : session.kind().name());
                upsert.setObject(12, session.groupId());
                upsert.setString(13, session.status() == null ? null : session.status().name());
                upsert.executeUpdate();
            }

            for (String recount : new String[] {RECOUNT, ZERO_WITHOUT_SESSIONS}) {
                try (PreparedStatement statement = connection.prepareStatement(recount)) {
                    statement.setArray(1, connection.createArrayOf("uuid", new Object[] {referralId}));
                    statement.executeUpdate();
                }
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
