package org.alongside.session.recording;

import java.time.OffsetDateTime;
import java.util.List;
import org.alongside.session.vocabulary.Focus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One version of a session, as recorded at the time. */
@Schema(name = "SessionVersion")
public record SessionVersionView(
        int version,
        OffsetDateTime startedAt,
        int durationMinutes,
        Session.Medium medium,
        Session.PlaceType placeType,
        Session.Attendance attendance,
        List<Focus> focus,
        @Schema(description = "Present only for the peer who holds the session, their supervisor and coordinators")
        String notes,
        Boolean sharedLivedExperience,
        OffsetDateTime nextSessionAt,
        Session.Status status,
        @Schema(description = "Why this version was made; for the same readers as the notes") String changeReason,
        OffsetDateTime recordedAt,
        String recordedBy) {

    public static SessionVersionView of(SessionVersion v, boolean withText) {
        return new SessionVersionView(v.version, v.startedAt, v.durationMinutes, v.medium, v.placeType, v.attendance,
                v.focus, withText ? v.notes : null, v.sharedLivedExperience, v.nextSessionAt, v.status,
                withText ? v.changeReason : null, v.recordedAt, v.recordedBy);
    }
}
