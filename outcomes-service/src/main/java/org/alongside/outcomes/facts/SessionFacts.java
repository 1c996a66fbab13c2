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
import org.alongside.platform.events.sessions.SessionRecordedV2;
import org.alongside.platform.events.support.Medium;
import org.alongside.platform.events.support.Setting;
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
            INSERT INTO session_fact AS s (session_id, referral_id, peer_id, started_at, duration_minutes, medium,
                attendance, focus, recorded_at, event_id, setting, group_id, status, meeting_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (session_id) DO UPDATE SET
                peer_id = EXCLUDED.peer_id,
                started_at = EXCLUDED.started_at,
                duration_minutes = EXCLUDED.duration_minutes,
                medium = EXCLUDED.medium,
                attendance = EXCLUDED.attendance,
                focus = EXCLUDED.focus,
                recorded_at = EXCLUDED.recorded_at,
                event_id = EXCLUDED.event_id,
                setting = EXCLUDED.setting,
                group_id = EXCLUDED.group_id,
                status = EXCLUDED.status,
                meeting_id = EXCLUDED.meeting_id
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
                attended_group = s.in_group,
                group_did_not_attend = s.group_missed
            FROM (SELECT referral_id,
                         min(started_at) FILTER (WHERE attendance = 'ATTENDED') AS first_attended_at,
                         count(*) AS recorded,
                         count(*) FILTER (WHERE attendance = 'ATTENDED') AS attended,
                         count(*) FILTER (WHERE attendance = 'DID_NOT_ATTEND') AS did_not_attend,
                         count(*) FILTER (WHERE attendance = 'CANCELLED_BY_CLIENT') AS cancelled_client,
                         count(*) FILTER (WHERE attendance = 'CANCELLED_BY_PEER') AS cancelled_peer,
                         count(*) FILTER (WHERE attendance = 'ATTENDED' AND medium = 'IN_PERSON') AS in_person,
                         count(*) FILTER (WHERE attendance = 'ATTENDED' AND medium = 'TELEPHONE') AS telephone,
                         count(*) FILTER (WHERE attendance = 'ATTENDED' AND medium = 'VIDEO') AS video,
                         count(*) FILTER (WHERE attendance = 'ATTENDED' AND medium = 'ONLINE_TEXT') AS online_text,
                         count(*) FILTER (WHERE attendance = 'ATTENDED' AND setting = 'GROUP') AS in_group,
                         count(*) FILTER (WHERE attendance = 'DID_NOT_ATTEND' AND setting = 'GROUP') AS group_missed
                  FROM session_fact
                  WHERE referral_id = ANY(?) AND status IS DISTINCT FROM 'ENTERED_IN_ERROR'
                  GROUP BY referral_id) s
            WHERE f.referral_id = s.referral_id""";

    /** Zeroes the counters of referrals none of whose sessions count any more (all entered in error). */
    public static final String ZERO_WITHOUT_SESSIONS = """
            UPDATE referral_fact f SET first_attended_at = NULL, sessions_recorded = 0, sessions_attended = 0,
                sessions_did_not_attend = 0, sessions_cancelled_client = 0, sessions_cancelled_peer = 0,
                attended_in_person = 0, attended_telephone = 0, attended_video = 0, attended_online_text = 0,
                attended_group = 0, group_did_not_attend = 0
            WHERE f.referral_id = ANY(?) AND NOT EXISTS (
                SELECT 1 FROM session_fact s WHERE s.referral_id = f.referral_id
                  AND s.status IS DISTINCT FROM 'ENTERED_IN_ERROR')""";

    /**
     * What either version of session.recorded says, in the one vocabulary: version 1's {@code format} is the medium
     * and its {@code kind} the setting (absent: 1:1, as every session was before groups).
     */
    public record Session(UUID sessionId, UUID peerId, OffsetDateTime startedAt, Integer durationMinutes,
            Setting setting, Medium medium, SessionRecorded.Attendance attendance, List<Focus> focus,
            SessionRecorded.Status status, UUID groupId, UUID meetingId) {

        public static Session of(SessionRecorded v1) {
            return new Session(v1.sessionId(), v1.peerId(), v1.startedAt(), v1.durationMinutes(),
                    v1.kind() == SessionRecorded.Kind.GROUP ? Setting.GROUP : Setting.ONE_TO_ONE,
                    v1.format() == null ? null : Medium.valueOf(v1.format().name()), v1.attendance(), v1.focus(),
                    v1.status(), v1.groupId(), v1.meetingId());
        }

        public static Session of(SessionRecordedV2 v2) {
            return new Session(v2.sessionId(), v2.peerId(), v2.startedAt(), v2.durationMinutes(), v2.setting(),
                    v2.medium(), v2.attendance(), v2.focus(), v2.status(), v2.groupId(), v2.meetingId());
        }
    }

    private final AgroalDataSource dataSource;

    SessionFacts(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recorded(UUID referralId, Session session, OffsetDateTime recordedAt, String eventId)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            // Sessions of one referral are applied one at a time, queued on its fact row, so the recount below
            // sees every committed session of the referral even when several consumers run.
            ReferralFacts.lockReferral(connection, referralId);

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
                upsert.setString(6, session.medium() == null ? null : session.medium().name());
                upsert.setString(7, session.attendance().name());
                List<Focus> focus = session.focus() == null ? List.of() : session.focus();
                upsert.setArray(8, connection.createArrayOf("text",
                        focus.stream().map(Enum::name).distinct().sorted().toArray(String[]::new)));
                upsert.setObject(9, recordedAt);
                upsert.setString(10, eventId);
                upsert.setString(11, session.setting().name());
                upsert.setObject(12, session.groupId());
                upsert.setString(13, session.status() == null ? null : session.status().name());
                upsert.setObject(14, session.meetingId());
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
}
