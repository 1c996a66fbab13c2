package org.alongside.session.recording;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A session as the peer worker (or a coordinator on their behalf) records it. */
@Schema(name = "NewSession")
public record NewSession(
        @NotNull UUID referralId,
        @NotNull @Schema(description = "The peer worker who held the session; a peer worker records only their own") UUID peerId,
        @NotNull @Schema(description = "When the session started (or was due to); at most alongside.sessions.future-window (default one day) ahead of now") OffsetDateTime startedAt,
        @NotNull @Min(1) @Max(600) @Schema(description = "Minutes, 1 to 600") Integer durationMinutes,
        @NotNull Session.Format format,
        @NotNull Session.Attendance attendance,
        @NotNull @Size(max = 4) @Schema(description = "At least one area for an attended session; may be empty otherwise")
        List<Session.@NotNull Focus> focus,
        @Size(max = 10000) @Schema(description = "Free text, seen only by the peer who holds the session and by coordinators and admins; never published")
        String notes,
        @Schema(description = "Whether the peer drew on their own lived experience in this session")
        Boolean sharedLivedExperience) {
}
