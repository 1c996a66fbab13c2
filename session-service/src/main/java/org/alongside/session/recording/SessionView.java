package org.alongside.session.recording;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A session as its readers see it. */
@Schema(name = "Session")
public record SessionView(
        UUID id,
        UUID referralId,
        UUID peerId,
        OffsetDateTime startedAt,
        int durationMinutes,
        Session.Format format,
        Session.Attendance attendance,
        List<Session.Focus> focus,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Present only for the peer who holds the session, coordinators and admins")
        String notes,
        Boolean sharedLivedExperience,
        OffsetDateTime recordedAt,
        @Schema(description = "The user who recorded the session") String recordedBy) {

    public static SessionView of(Session s, boolean withNotes) {
        return new SessionView(s.id, s.referralId, s.peerId, s.startedAt, s.durationMinutes, s.format, s.attendance,
                s.focus, withNotes ? s.notes : null, s.sharedLivedExperience, s.recordedAt, s.recordedBy);
    }
}
