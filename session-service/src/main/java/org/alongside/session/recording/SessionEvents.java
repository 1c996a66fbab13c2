package org.alongside.session.recording;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.alongside.session.vocabulary.Focus;

/**
 * The data of session.recorded: categories and times, never notes. Published for each 1:1 session version
 * (kind ONE_TO_ONE) and for each group member's attendance (kind GROUP). A later version of the same sessionId
 * (a later recordedAt) supersedes the earlier; status ENTERED_IN_ERROR means it must no longer be counted.
 */
public final class SessionEvents {

    private SessionEvents() {
    }

    public enum Kind { ONE_TO_ONE, GROUP }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Recorded(UUID sessionId, UUID referralId, UUID peerId, OffsetDateTime startedAt,
            int durationMinutes, Session.Format format, Session.Attendance attendance, List<Focus> focus,
            OffsetDateTime recordedAt, Kind kind, Session.Status status, int version, Session.PlaceType placeType,
            Boolean sharedLivedExperience, UUID groupId, UUID meetingId) {

        static Recorded of(Session s) {
            return new Recorded(s.id, s.referralId, s.peerId, s.startedAt, s.durationMinutes, s.format, s.attendance,
                    s.focus, s.recordedAt, Kind.ONE_TO_ONE, s.status, s.version, s.placeType, s.sharedLivedExperience,
                    null, null);
        }

        /** One member's attendance at a group meeting; there is no single peer, and version counts corrections. */
        public static Recorded ofGroup(UUID attendanceId, UUID referralId, UUID groupId, UUID meetingId,
                OffsetDateTime startedAt, int durationMinutes, Session.Format format, Session.PlaceType placeType,
                Session.Attendance attendance, List<Focus> focus, OffsetDateTime recordedAt, int version) {
            return new Recorded(attendanceId, referralId, null, startedAt, durationMinutes, format, attendance, focus,
                    recordedAt, Kind.GROUP, Session.Status.RECORDED, version, placeType, null, groupId, meetingId);
        }
    }
}
