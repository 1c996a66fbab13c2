package org.alongside.session.recording;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.alongside.session.vocabulary.Focus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A corrected session: every editable field, as it should now read (a field left out is cleared). Who and for
 * whom (referralId, peerId) cannot change; a session recorded for the wrong person is marked entered-in-error.
 */
@Schema(name = "SessionEdit")
public record SessionEdit(
        @NotNull OffsetDateTime startedAt,
        @NotNull @Min(1) @Max(600) Integer durationMinutes,
        @NotNull Session.Medium medium,
        Session.PlaceType placeType,
        @NotNull Session.Attendance attendance,
        @NotNull @Size(max = 4) List<@NotNull Focus> focus,
        @Size(max = 10000) String notes,
        Boolean sharedLivedExperience,
        OffsetDateTime nextSessionAt,
        @Size(max = 1000) @Schema(description = "Why it changed, kept with the new version") String reason) {

    SessionContent content() {
        return new SessionContent(startedAt, durationMinutes, medium, placeType, attendance, focus, notes,
                sharedLivedExperience, nextSessionAt);
    }
}
