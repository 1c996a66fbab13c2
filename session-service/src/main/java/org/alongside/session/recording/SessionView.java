package org.alongside.session.recording;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.alongside.session.signposting.SignpostView;
import org.alongside.session.vocabulary.Focus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A session (its current version) as its readers see it, with what came out of it. */
@Schema(name = "Session")
public record SessionView(
        UUID id,
        UUID referralId,
        UUID peerId,
        OffsetDateTime startedAt,
        int durationMinutes,
        Session.Medium medium,
        Session.Attendance attendance,
        List<Focus> focus,
        @Schema(description = "Present only for the peer who holds the session, their supervisor and coordinators")
        String notes,
        Boolean sharedLivedExperience,
        @Schema(description = "When this version was recorded") OffsetDateTime recordedAt,
        @Schema(description = "Who recorded this version") String recordedBy,
        Session.PlaceType placeType,
        OffsetDateTime nextSessionAt,
        Session.Status status,
        @Schema(description = "1 when first recorded; each edit or correction adds one") int version,
        OffsetDateTime firstRecordedAt,
        @Schema(description = "Why it was marked entered-in-error; for the same readers as the notes")
        String enteredInErrorReason,
        @Schema(description = "Community resources the person was linked to in this session")
        List<SignpostView> signposting,
        @Schema(description = "Safeguarding concerns raised from this session (see /safeguarding/concerns/{id})")
        List<UUID> safeguardingConcernIds) {

    public static SessionView of(Session s, boolean withText, List<SignpostView> signposting, List<UUID> concernIds) {
        return new SessionView(s.id, s.referralId, s.peerId, s.startedAt, s.durationMinutes, s.medium, s.attendance,
                s.focus, withText ? s.notes : null, s.sharedLivedExperience, s.recordedAt, s.recordedBy, s.placeType,
                s.nextSessionAt, s.status, s.version, s.firstRecordedAt, withText ? s.enteredInErrorReason : null,
                signposting, concernIds);
    }
}
