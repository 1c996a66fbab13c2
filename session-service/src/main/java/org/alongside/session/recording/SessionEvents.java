package org.alongside.session.recording;

import static org.alongside.platform.events.Vocabulary.as;
import static org.alongside.platform.events.Vocabulary.asList;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.alongside.platform.events.sessions.SessionRecorded;
import org.alongside.platform.events.sessions.SessionRecordedV2;
import org.alongside.platform.events.support.Medium;
import org.alongside.platform.events.support.Setting;
import org.alongside.session.vocabulary.Focus;

/**
 * session.recorded (version 2: setting and medium, the one vocabulary of support), in the contract's record:
 * categories and times, never notes. Published for each 1:1 session version (setting ONE_TO_ONE) and for each group
 * member's attendance (setting GROUP). A later version of the same sessionId (a later recordedAt) supersedes the
 * earlier; status ENTERED_IN_ERROR means it must no longer be counted.
 */
public final class SessionEvents {

    private SessionEvents() {
    }

    static SessionRecordedV2 recorded(Session s) {
        return new SessionRecordedV2(s.id, s.referralId, s.peerId, s.startedAt, s.durationMinutes, Setting.ONE_TO_ONE,
                as(Medium.class, s.medium), as(SessionRecorded.Attendance.class, s.attendance),
                asList(org.alongside.platform.events.sessions.Focus.class, s.focus), s.recordedAt,
                as(SessionRecorded.Status.class, s.status), s.version, as(SessionRecorded.PlaceType.class, s.placeType),
                s.sharedLivedExperience, null, null);
    }

    /** One member's attendance at a group meeting; there is no single peer, and version counts corrections. */
    public static SessionRecordedV2 groupAttendance(UUID attendanceId, UUID referralId, UUID groupId, UUID meetingId,
            OffsetDateTime startedAt, int durationMinutes, Session.Medium medium, Session.PlaceType placeType,
            Session.Attendance attendance, List<Focus> focus, OffsetDateTime recordedAt, int version) {
        return new SessionRecordedV2(attendanceId, referralId, null, startedAt, durationMinutes, Setting.GROUP,
                as(Medium.class, medium), as(SessionRecorded.Attendance.class, attendance),
                asList(org.alongside.platform.events.sessions.Focus.class, focus), recordedAt,
                SessionRecorded.Status.RECORDED, version, as(SessionRecorded.PlaceType.class, placeType), null,
                groupId, meetingId);
    }
}
