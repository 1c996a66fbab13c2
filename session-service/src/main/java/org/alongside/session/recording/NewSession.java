package org.alongside.session.recording;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.alongside.session.goal.SessionGoalProgress;
import org.alongside.session.safeguarding.ConcernDetails;
import org.alongside.session.signposting.NewSignpost;
import org.alongside.session.vocabulary.Focus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A session as the peer worker (or a coordinator on their behalf) records it, with what came out of it. */
@Schema(name = "NewSession")
public record NewSession(
        @NotNull UUID referralId,
        @NotNull @Schema(description = "The peer worker who held the session; a peer worker records only their own") UUID peerId,
        @NotNull @Schema(description = "When the session started (or was due to); at most alongside.sessions.future-window (default one day) ahead of now") OffsetDateTime startedAt,
        @NotNull @Min(1) @Max(600) @Schema(description = "Minutes, 1 to 600") Integer durationMinutes,
        @NotNull Session.Medium medium,
        @Schema(description = "Where an IN_PERSON session took place; only for IN_PERSON") Session.PlaceType placeType,
        @NotNull Session.Attendance attendance,
        @NotNull @Size(max = 4) @Schema(description = "At least one area for an attended session; may be empty otherwise")
        List<@NotNull Focus> focus,
        @Size(max = 10000) @Schema(description = "Free text, read only by the peer who holds the session, their supervisor and coordinators; never published")
        String notes,
        @Schema(description = "Whether the peer drew on their own lived experience in this session")
        Boolean sharedLivedExperience,
        @Schema(description = "When the next session is planned; after startedAt and within alongside.sessions.next-session-horizon (default 180 days) of now")
        OffsetDateTime nextSessionAt,
        @Size(max = 20) @Schema(description = "Community resources the person was linked to in this session")
        List<@NotNull @Valid NewSignpost> signposting,
        @Valid @Schema(description = "A safeguarding concern the session raised: goes to the supervisor's worklist and is published as safeguarding.raised (ids and category only)")
        ConcernDetails safeguardingConcern,
        @Size(max = 20) @Schema(description = "Goals reviewed in this session: each one of the referral's goals, with a new rating, status, or both")
        List<@NotNull @Valid SessionGoalProgress> goalProgress) {

    SessionContent content() {
        return new SessionContent(startedAt, durationMinutes, medium, placeType, attendance, focus, notes,
                sharedLivedExperience, nextSessionAt);
    }
}
